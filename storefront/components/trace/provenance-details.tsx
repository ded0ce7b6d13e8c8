import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate, formatQuantity } from "@/lib/format"
import type { GenuineProvenance } from "@/lib/traceability"

type Props = {
  provenance: GenuineProvenance
  locale: Locale
  /** The product's page in the shop, when the shop still sells it. */
  productHref: string | null
}

/** What the stamp vouches for: product, lot, batch size, issue date and the stamp's own number. */
export async function ProvenanceDetails({ provenance, locale, productHref }: Props) {
  const t = await getTranslations("Trace")
  const { product, batch, stamp } = provenance
  return (
    <section className="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">{t("details")}</h2>
      <dl>
        <dt>{t("product")}</dt>
        <dd data-testid="trace-product">
          {productHref ? <a href={productHref}>{product.title}</a> : product.title}
        </dd>
        <dt>{t("lot")}</dt>
        <dd data-testid="trace-lot">{batch.lotCode}</dd>
        <dt>{t("quantity")}</dt>
        <dd>
          {formatQuantity(batch.quantity, locale)} {batch.unit}
        </dd>
        <dt>{t("issuedAt")}</dt>
        <dd>
          <time dateTime={stamp.issuedAt.toISOString()}>{formatDate(stamp.issuedAt, locale)}</time>
        </dd>
        <dt>{t("serial")}</dt>
        <dd className="serial" data-testid="trace-serial">
          {stamp.serial}
        </dd>
      </dl>
    </section>
  )
}
