import { getTranslations } from "next-intl/server"
import { siteOrigin } from "@/lib/site-url"

const FEEDS = [
  { key: "google", path: "/feeds/google-merchant.xml" },
  { key: "meta", path: "/feeds/meta-catalog.csv" },
  { key: "dfc", path: "/feeds/dfc-catalog.jsonld" },
] as const

/**
 * The seller's own product feeds for other channels (docs/channels.md): each URL, ready to copy
 * into Google Merchant Center, Meta Commerce Manager or a food hub, with one line on how.
 */
export async function SellerChannelFeeds({ handle, state }: { handle: string; state: string }) {
  const t = await getTranslations("SellerFeeds")
  const origin = await siteOrigin()
  const query = `?${new URLSearchParams({ seller: handle })}`
  return (
    <section
      className="seller-feeds"
      aria-labelledby="seller-feeds-title"
      data-testid="seller-feeds"
    >
      <h2 id="seller-feeds-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {state === "approved" ? null : <p className="notice">{t("notApproved")}</p>}
      <dl>
        {FEEDS.map(({ key, path }) => (
          <div key={key} data-feed={key}>
            <dt>{t(`${key}.name`)}</dt>
            <dd>
              <code>{`${origin}${path}${query}`}</code>
              <p>{t(`${key}.howTo`)}</p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
