import { quarterLabel } from "@coop/contracts/quarters"
import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import {
  percentText,
  RATIO_INDICATORS,
  shortQuarter,
  shortText,
  valueText,
} from "@/lib/portal/commune-indicator-format"
import {
  type HistoryQuarter,
  INDICATOR_CODES,
  type IndicatorCode,
  type IndicatorsRead,
} from "@/lib/portal/commune-types"
import { IndicatorChart } from "./commune-chart"
import { IndicatorFormula } from "./commune-indicator-formula"

const STATE_INDICATORS: IndicatorCode[] = ["OCOP_ONLINE", "SELLERS_ONLINE", "TRACEABLE"]

type Props = {
  locale: Locale
  read: IndicatorsRead
  /** The quarters up to this one, oldest first; null for a province's roll-up. */
  history: HistoryQuarter[] | null
  /** The counted page with the quarter (and commune) set, or null when there is none. */
  countedBase: string | null
}

/** Each indicator: its name, "9/9" (a link to what it counted), the share, before, the chart. */
export async function IndicatorCards({ locale, read, history, countedBase }: Props) {
  const t = await getTranslations("Portal.indicators")
  const previousLabel = quarterLabel(read.previous_quarter, locale)
  return (
    <ul className="indicator-cards">
      {INDICATOR_CODES.map((code) => {
        const value = read.indicators[code]
        // A state indicator of a quarter nobody closed was not recorded: the backend answers
        // today's value for it, so "before" comes from the history, which says so.
        const before = STATE_INDICATORS.includes(code)
          ? (history?.find((h) => h.quarter === read.previous_quarter)?.indicators[code] ?? null)
          : read.previous[code]
        const name = t(`names.${code}`)
        const text = value ? valueText(code, value, locale) : "—"
        const percent = value ? percentText(value, locale) : null
        const points = (history ?? []).map((h) => {
          const v = h.indicators[code] ?? null
          return {
            quarter: h.quarter,
            short: shortQuarter(h.quarter),
            value: v,
            text: v ? shortText(code, v, locale) : "—",
            full: v ? valueText(code, v, locale) : t("notRecorded"),
          }
        })
        return (
          <li key={code} data-code={code} data-testid="indicator">
            <h2>{name}</h2>
            <p className="indicator-value">
              {countedBase && value ? (
                <a
                  href={`${countedBase}&code=${code}`}
                  data-testid="indicator-value"
                  aria-label={t("seeCounted", { name, value: text })}
                >
                  {text}
                </a>
              ) : (
                <span data-testid="indicator-value">{text}</span>
              )}
              {percent ? <span className="indicator-percent">{percent}</span> : null}
            </p>
            <IndicatorFormula code={code} />
            {before ? (
              <p className="muted">
                {t("previous", { quarter: previousLabel, value: valueText(code, before, locale) })}
              </p>
            ) : null}
            {points.length ? (
              <IndicatorChart
                id={`chart-${code}`}
                title={t("chartTitle", { name })}
                description={points
                  .map((p) => `${quarterLabel(p.quarter, locale)}: ${p.full}`)
                  .join("; ")}
                points={points}
                ratio={RATIO_INDICATORS.includes(code)}
                current={read.quarter}
              />
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
