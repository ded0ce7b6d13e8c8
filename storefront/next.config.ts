import path from "node:path"
import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

const backendUrl = new URL(process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000")

const nextConfig: NextConfig = {
  // Tests build into their own directory so they never clobber a developer's .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The Docker image (storefront/Dockerfile) sets NEXT_OUTPUT=standalone: a traced server with only
  // the files it needs. `npm start` keeps the ordinary build (`next start`).
  ...(process.env.NEXT_OUTPUT === "standalone"
    ? { output: "standalone" as const, outputFileTracingRoot: path.resolve(process.cwd(), "..") }
    : {}),
  // Types are checked once, by `npm run typecheck` (CI runs it before the tests); checking them
  // again in every `next build` (npm start, each browser-test run) only costs time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Portal forms post phone-camera photos through server actions (default limit 1 MB); the
    // backend takes up to 10 MB a file. The proxy's own limit (10 MB) is raised to match.
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
    // Cached catalogue pages and backend reads stay in this server's memory, not in the build
    // directory: several servers started from one build (the tests' online and offline shops,
    // or instances on one disk) would otherwise serve each other's pages. A restart renders
    // each page once more on its first request.
    isrFlushToDisk: false,
  },
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
