import { dfcCatalogue } from "@/lib/channels/dfc-catalog"
import { feedItems } from "@/lib/channels/feed-items"
import { loadFeed } from "@/lib/channels/feed-request"
import { siteOrigin } from "@/lib/site-url"

// The Data Food Consortium catalogue food hubs (Open Food Network and other DFC platforms)
// import, whole shop or one seller (?seller=handle), from the catalogue cached with the product tags.
export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const feed = await loadFeed(request, await siteOrigin())
  if (feed instanceof Response) return feed
  const body = dfcCatalogue(feed.sellers, feedItems(feed.products, feed.origin), feed.self)
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "content-type": "application/ld+json; charset=utf-8" },
  })
}
