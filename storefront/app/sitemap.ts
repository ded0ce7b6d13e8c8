import type { MetadataRoute } from "next"
import { loadChannelCatalogue } from "@/lib/channels/catalogue"
import { listCategories, listSellerCommunes } from "@/lib/medusa"
import { sitemapEntries } from "@/lib/seo/sitemap"
import { siteOrigin } from "@/lib/site-url"

// Read per request (the build never needs the backend); the reads underneath are cached with
// the product, seller and category tags, so a change shows at the next revalidation.
export const dynamic = "force-dynamic"

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [origin, { products, sellers }, categories, communes] = await Promise.all([
    siteOrigin(),
    loadChannelCatalogue(),
    listCategories(),
    listSellerCommunes(),
  ])
  return sitemapEntries({ origin, products, sellers, categories, communes })
}
