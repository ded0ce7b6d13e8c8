import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate, formatQuantity } from "@/lib/format"
import type { OriginBatch } from "@/lib/portal/origin-api"
import { dayToDate } from "@/lib/traceability/days"

type Props = { batch: OriginBatch; locale: Locale }

/** A batch's details as the seller recorded them. */
export async function OriginBatchSummary({ batch, locale }: Props) {
  const t = await getTranslations("Portal.origin")
  const day = (value: string | null) => (value ? formatDate(dayToDate(value), locale) : null)
  const { area, dates, certifications: c } = batch
  const rows: [string, string | null][] = [
    [t("fields.product_id.label"), batch.product_title],
    [t("fields.lot_code.label"), batch.lot_code],
    [t("fields.quantity.label"), `${formatQuantity(batch.quantity, locale)} ${batch.unit}`],
    [t("summary.area"), [area.village, area.plot].filter(Boolean).join(", ") || null],
    [t("fields.dates.started_on.label"), day(dates.started_on)],
    [t("fields.dates.harvested_on.label"), day(dates.harvested_on)],
    [t("fields.dates.produced_on.label"), day(dates.produced_on)],
    [t("fields.dates.packed_on.label"), day(dates.packed_on)],
    [t("fields.dates.expires_on.label"), day(dates.expires_on)],
    [
      t("summary.vietgap"),
      c.vietgap
        ? t("summary.vietgapValue", {
            number: c.vietgap.number,
            until: day(c.vietgap.valid_until) ?? "",
          })
        : null,
    ],
    [t("summary.organic"), c.organic ? `${c.organic.certifier} · ${c.organic.number}` : null],
    [t("summary.ocop"), c.ocop_stars ? t("summary.stars", { stars: c.ocop_stars }) : null],
  ]
  return (
    <dl className="origin-details" data-testid="batch-details">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  )
}
