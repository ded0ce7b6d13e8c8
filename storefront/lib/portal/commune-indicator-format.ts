import type { Locale } from "@/i18n/routing"
import { formatVnd } from "../money"
import { type IndicatorCode, type IndicatorValue, MONEY_INDICATORS } from "./commune-types"

// How an indicator's value reads: "9/9" where it has a denominator, a count or dong otherwise.

/** Indicators that are a share: "9 of 9 OCOP products online". */
export const RATIO_INDICATORS: IndicatorCode[] = [
  "OCOP_ONLINE",
  "SELLERS_ONLINE",
  "TRACEABLE",
  "CASHLESS",
]

const INTL: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" }

export function valueText(code: IndicatorCode, value: IndicatorValue, locale: Locale): string {
  if (MONEY_INDICATORS.includes(code)) return formatVnd(value.numerator, locale)
  const n = new Intl.NumberFormat(INTL[locale])
  return RATIO_INDICATORS.includes(code)
    ? `${n.format(value.numerator)}/${n.format(value.denominator)}`
    : n.format(value.numerator)
}

/** The same, short enough to stand above a bar 40 px wide ("1,2 Tr", "9/9"). */
export function shortText(code: IndicatorCode, value: IndicatorValue, locale: Locale): string {
  const compact = new Intl.NumberFormat(INTL[locale], {
    notation: "compact",
    maximumFractionDigits: 1,
  })
  return RATIO_INDICATORS.includes(code)
    ? `${compact.format(value.numerator)}/${compact.format(value.denominator)}`
    : compact.format(value.numerator)
}

/** "88,9 %" / "88.9%", or null without a denominator. */
export function percentText(value: IndicatorValue, locale: Locale): string | null {
  if (value.ratio === null) return null
  return new Intl.NumberFormat(INTL[locale], {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(value.ratio)
}

/** "2026-Q3" -> "Q3/26" under a chart's bar. */
export function shortQuarter(quarter: string): string {
  const match = /^(\d{2})(\d{2})-Q([1-4])$/.exec(quarter)
  return match ? `Q${match[3]}/${match[2]}` : quarter
}
