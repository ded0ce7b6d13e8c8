import { feedItems } from "@/lib/channels/feed-items"
import { loadFeed } from "@/lib/channels/feed-request"
import { metaCatalogCsv } from "@/lib/channels/meta-catalog"
import { siteOrigin } from "@/lib/site-url"

// Meta Commerce Manager's scheduled data feed (Facebook and Instagram shops), whole shop or one
// seller (?seller=handle), from the catalogue cached with the product tags.
export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const feed = await loadFeed(request, await siteOrigin())
  if (feed instanceof Response) return feed
  return new Response(metaCatalogCsv(feedItems(feed.products, feed.origin)), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  })
}
