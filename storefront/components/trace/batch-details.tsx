import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate, formatQuantity, keepQuantitiesTogether } from "@/lib/format"
import { showText } from "@/lib/text/localized"
import type { Day, StampProvenance } from "@/lib/traceability"
import { dayToDate } from "@/lib/traceability/days"

type Props = {
  provenance: StampProvenance
  locale: Locale
  /** The product's page in the shop, when the shop still sells it. */
  productHref: string | null
  /** The product's English name in the shop (the seller's `en.title`), when it has one. */
  englishTitle?: string | null
}

/** What the stamp stands for: product, lot, where and when it was grown and packed, the stamp. */
export async function BatchDetails({ provenance, locale, productHref, englishTitle }: Props) {
  const t = await getTranslations("Trace")
  const { product, batch, stamp, verdict } = provenance
  const vouched = verdict === "genuine_first_scan" || verdict === "genuine_repeat"
  const day = (value: Day) => <time dateTime={value}>{formatDate(dayToDate(value), locale)}</time>
  const area = [batch.area.plot, batch.area.village].filter(Boolean).join(", ")
  // The stamp's own record names the product in Vietnamese; /en shows the seller's English name
  // from the shop when there is one, otherwise the Vietnamese one marked as such.
  const shown = showText({ vi: product.title, en: englishTitle ?? null }, locale) ?? {
    text: product.title,
  }
  const title = <span lang={shown.lang}>{keepQuantitiesTogether(shown.text)}</span>
  return (
    <section className="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">{vouched ? t("details") : t("claimedDetails")}</h2>
      <dl>
        <dt>{t("product")}</dt>
        <dd data-testid="trace-product">
          {productHref ? <a href={productHref}>{title}</a> : title}
        </dd>
        <dt>{t("lot")}</dt>
        <dd data-testid="trace-lot">{batch.lotCode}</dd>
        <dt>{t("quantity")}</dt>
        <dd>
          {formatQuantity(batch.quantity, locale)} {batch.unit}
        </dd>
        {area ? (
          <>
            <dt>{t("area")}</dt>
            <dd>{area}</dd>
          </>
        ) : null}
        {batch.harvestedOn ? (
          <>
            <dt>{t("harvestedOn")}</dt>
            <dd>{day(batch.harvestedOn)}</dd>
          </>
        ) : batch.producedOn ? (
          <>
            <dt>{t("producedOn")}</dt>
            <dd>{day(batch.producedOn)}</dd>
          </>
        ) : null}
        {batch.packedOn ? (
          <>
            <dt>{t("packedOn")}</dt>
            <dd>{day(batch.packedOn)}</dd>
          </>
        ) : null}
        {batch.expiresOn ? (
          <>
            <dt>{t("expiresOn")}</dt>
            <dd data-testid="trace-expires">{day(batch.expiresOn)}</dd>
          </>
        ) : null}
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
