import { getTranslations } from "next-intl/server"
import { feedItems } from "@/lib/channels/feed-items"
import { loadFeed } from "@/lib/channels/feed-request"
import { googleMerchantFeed } from "@/lib/channels/google-merchant"
import { siteOrigin } from "@/lib/site-url"

// Google Merchant Center's scheduled fetch, for the whole shop or one seller (?seller=handle).
// Rendered per request from the catalogue cached with the product tags (lib/channels/catalogue).
export const dynamic = "force-dynamic"

export async function GET(request: Request) {
  const feed = await loadFeed(request, await siteOrigin())
  if (feed instanceof Response) return feed
  const seller = feed.sellerHandle ? feed.sellers[0] : null
  const t = await getTranslations({ locale: "vi", namespace: "Metadata" })
  const body = googleMerchantFeed(
    {
      title: seller ? `${seller.name} · ${t("siteName")}` : t("siteName"),
      link: seller ? `${feed.origin}/vi/sellers/${seller.handle}` : `${feed.origin}/vi`,
      description: t("description"),
    },
    feedItems(feed.products, feed.origin, { rates: feed.rates }),
  )
  return new Response(body, { headers: { "content-type": "application/xml; charset=utf-8" } })
}
