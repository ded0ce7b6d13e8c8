import { getTranslations } from "next-intl/server"
import type { Seller } from "@/lib/traceability"

type Props = { seller: Seller }

/** Who made it, and how to reach them: the buyer's way to check with the producer in person. */
export async function SellerCard({ seller }: Props) {
  const t = await getTranslations("Trace")
  // The snapshot's address is usually the full one; the place names stand in when it is missing.
  const address =
    seller.address ?? [seller.village, seller.commune, seller.province].filter(Boolean).join(", ")
  const kind =
    seller.kind === "cooperative"
      ? t("sellerCooperative")
      : seller.kind === "household"
        ? t("sellerHousehold")
        : null
  return (
    <section className="provenance" aria-labelledby="seller-heading" data-testid="trace-seller">
      <h2 id="seller-heading">{t("seller")}</h2>
      <p className="seller-name">{seller.name}</p>
      {kind ? <p className="muted">{kind}</p> : null}
      <dl>
        {address ? (
          <>
            <dt>{t("address")}</dt>
            <dd>{address}</dd>
          </>
        ) : null}
        {seller.phone ? (
          <>
            <dt>{t("phone")}</dt>
            <dd>
              <a href={`tel:${seller.phone.replace(/[^\d+]/g, "")}`}>{seller.phone}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}
