import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate } from "@/lib/format"
import type { OcopEntry } from "@/lib/portal/commune-types"

const REASONS = [
  "no_listing",
  "not_published",
  "not_in_sales_channel",
  "no_vnd_price",
  "out_of_stock",
] as const

/** A calendar day (YYYY-MM-DD) shown as that day, whatever the server's time zone. */
export function calendarDay(day: string, locale: Locale): string {
  return formatDate(new Date(`${day}T12:00:00+07:00`), locale)
}

/** Whether an entry's product is on sale, and whether its certificate runs out soon. */
export async function EntryFlags({ entry, locale }: { entry: OcopEntry; locale: Locale }) {
  const t = await getTranslations("Portal.registry")
  const reasons = entry.offline_reasons
    .map((r) => {
      const known = REASONS.find((k) => k === r)
      return known ? t(`reasons.${known}`) : r
    })
    .join("; ")
  return (
    <div className="commune-flags">
      {entry.online ? (
        <span className="commune-tag commune-tag-approved" data-flag="online">
          {t("online")}
        </span>
      ) : (
        <span className="commune-tag commune-tag-suspended" data-flag="offline">
          {t("offline")}
        </span>
      )}
      {entry.expired ? (
        <span className="commune-tag commune-tag-suspended" data-flag="expired">
          {t("expired")}
        </span>
      ) : entry.expiring_soon ? (
        <span className="commune-tag commune-tag-pending" data-flag="expiring">
          {t("expiringSoon")}
        </span>
      ) : null}
      <span className="muted">
        {t("expiresOn", { date: calendarDay(entry.expires_on, locale) })}
      </span>
      {!entry.online && reasons ? (
        <p className="muted commune-reasons">{t("whyOffline", { reasons })}</p>
      ) : null}
    </div>
  )
}
