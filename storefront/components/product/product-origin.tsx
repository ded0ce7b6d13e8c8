import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { EventTimeline } from "@/components/trace/event-timeline"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { ProductOrigin as Origin } from "@/lib/traceability/batch-reshape"
import { getChainCheck } from "@/lib/traceability/chain"
import { dayToDate } from "@/lib/traceability/days"

type Props = {
  /** The newest batch; null when there is none; "unavailable" when the service did not answer. */
  origin: Origin | null | "unavailable"
  locale: Locale
  /** This product page, to try again. */
  retryHref: string
}

/**
 * Where the product comes from: the newest batch's lot, producer, dates and diary. The page never
 * depends on it: without the traceability service the rest of the page works and this says so.
 */
export async function ProductOrigin({ origin, locale, retryHref }: Props) {
  const t = await getTranslations("Origin")
  let body: ReactNode
  if (origin === "unavailable") {
    body = (
      <div className="notice" role="status" data-testid="origin-unavailable">
        <p>{t("unavailable")}</p>
        <a href={retryHref}>{t("retry")}</a>
      </div>
    )
  } else if (origin === null) {
    body = <p className="muted">{t("none")}</p>
  } else {
    const { batch, seller } = origin
    const day = (value: string) => (
      <time dateTime={value}>{formatDate(dayToDate(value), locale)}</time>
    )
    const area = [batch.area.plot, batch.area.village].filter(Boolean).join(", ")
    const producerPlace = [seller.village, seller.commune].filter(Boolean).join(", ")
    const rows: [string, ReactNode, string?][] = [
      [t("lot"), batch.lotCode, "origin-lot"],
      [t("producer"), producerPlace ? `${seller.name} (${producerPlace})` : seller.name],
    ]
    if (area) rows.push([t("area"), area])
    if (batch.harvestedOn) rows.push([t("harvestedOn"), day(batch.harvestedOn)])
    else if (batch.producedOn) rows.push([t("producedOn"), day(batch.producedOn)])
    if (batch.packedOn) rows.push([t("packedOn"), day(batch.packedOn)])
    if (batch.expiresOn) rows.push([t("expiresOn"), day(batch.expiresOn)])
    body = (
      <>
        <p className="muted">{t("intro")}</p>
        <dl className="origin-facts">
          {rows.map(([label, value, testId]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd data-testid={testId}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="stamp-note">{t("stampNote")}</p>
        <EventTimeline
          events={origin.events}
          locale={locale}
          chain={await getChainCheck(batch.id)}
        />
      </>
    )
  }
  return (
    <section className="origin" aria-labelledby="origin-heading" data-testid="origin">
      <h2 id="origin-heading">{t("title")}</h2>
      {body}
    </section>
  )
}
