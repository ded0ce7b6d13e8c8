import type { MetadataRoute } from "next"
import { routing } from "@/i18n/routing"
import { siteOrigin } from "@/lib/site-url"

export const dynamic = "force-dynamic"

/**
 * Buyers' carts and orders, the portals and stamp scans are nobody's search result. Rules match
 * prefixes, and "/vi/seller" would also shut "/vi/sellers/…" out: each path is closed as itself
 * ("$", an exact match) and as a folder.
 */
const PRIVATE = ["account", "cart", "checkout", "orders", "seller", "commune", "trace"]

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin()
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [
        "/api/",
        ...routing.locales.flatMap((locale) =>
          PRIVATE.flatMap((path) => [`/${locale}/${path}$`, `/${locale}/${path}/`]),
        ),
      ],
    },
    sitemap: `${origin}/sitemap.xml`,
  }
}
