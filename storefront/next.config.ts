import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

const backendUrl = new URL(process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000")

const nextConfig: NextConfig = {
  // Tests build into their own directory so they never clobber a developer's .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  images: {
    // Product images are SVG/PNG files served by the Medusa backend under /static.
    remotePatterns: [
      {
        protocol: backendUrl.protocol === "https:" ? "https" : "http",
        hostname: backendUrl.hostname,
        port: backendUrl.port,
        pathname: "/static/**",
      },
    ],
  },
}

const withNextIntl = createNextIntlPlugin("./i18n/request.ts")

export default withNextIntl(nextConfig)
