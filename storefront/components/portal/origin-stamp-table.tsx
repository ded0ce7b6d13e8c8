import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { formatDate, formatQuantity } from "@/lib/format"
import type { StampList } from "@/lib/portal/origin-api"

type Props = {
  list: StampList
  locale: Locale
  /** Links to the next page and to the other filter, built by the page. */
  nextHref: string | null
  firstHref: string | null
}

/**
 * The batch's stamps: totals (issued, voided, scanned, scans, counterfeit signals) and one page
 * of stamps in issue order with their state, scans and signals.
 */
export async function OriginStampTable({ list, locale, nextHref, firstHref }: Props) {
  const t = await getTranslations("Portal.origin.stamps")
  const n = (value: number) => formatQuantity(value, locale)
  const s = list.summary
  const totals: [string, number, string?][] = [
    [t("issued"), s.issued],
    [t("voided"), s.voided],
    [t("scanned"), s.scanned],
    [t("scans"), s.scans],
    [t("signals"), s.counterfeit_signals, s.counterfeit_signals > 0 ? "origin-alert" : undefined],
  ]
  return (
    <>
      <dl className="origin-totals" data-testid="stamp-totals">
        {totals.map(([term, value, className]) => (
          <div key={term} className={className}>
            <dt>{term}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
      {s.counterfeit_signals > 0 ? (
        <p className="notice notice-error">{t("signalsAdvice")}</p>
      ) : null}
      {list.stamps.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className="origin-stamps" data-testid="stamp-list">
          {list.stamps.map((stamp) => (
            <li
              key={stamp.serial}
              data-serial={stamp.serial}
              data-state={stamp.state}
              className={stamp.state === "voided" ? "stamp-voided" : undefined}
            >
              <span className="stamp-seq">#{stamp.seq}</span>
              <code className="stamp-serial">{stamp.serial}</code>
              <span className="stamp-state">
                {stamp.state === "voided" ? t("stateVoided") : t("stateIssued")}
              </span>
              <span className="stamp-scans">
                {stamp.scan_count > 0
                  ? t("scanCount", {
                      count: stamp.scan_count,
                      date: stamp.last_scanned_at
                        ? formatDate(new Date(stamp.last_scanned_at), locale)
                        : "",
                    })
                  : t("notScanned")}
              </span>
              {stamp.counterfeit_signals > 0 ? (
                <span className="stamp-signal">
                  {t("stampSignals", { count: stamp.counterfeit_signals })}
                </span>
              ) : null}
              {stamp.void_reason ? (
                <span className="stamp-reason">
                  {t("voidReason", { reason: stamp.void_reason })}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <p className="origin-pager">
        {firstHref ? <a href={firstHref}>{t("first")}</a> : null}
        {nextHref ? <a href={nextHref}>{t("next")}</a> : null}
      </p>
    </>
  )
}
