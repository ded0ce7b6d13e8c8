/**
 * Indicator values as officers and the public read them: per indicator a numerator, a
 * denominator and their ratio, for one commune or a province, for a quarter. Pure.
 */
import type { CountRow } from "../../modules/indicators/sql"
import { INDICATOR_CODES, INDICATOR_FORMULAS, INDICATORS, type IndicatorCode, NOW } from "./codes"

export interface IndicatorValue {
  numerator: number
  denominator: number
  /** numerator / denominator, or null when the denominator is 0 or the indicator has none. */
  ratio: number | null
  /** A breakdown, e.g. SELLERS_ONLINE by seller kind. */
  by?: Record<string, { numerator: number; denominator: number; ratio: number | null }>
}

export type IndicatorValues = Record<IndicatorCode, IndicatorValue>

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null)

/**
 * Sums count rows into values: state indicators from the "now" rows, flow indicators from the
 * quarter's rows.
 */
export function valuesFromCounts(rows: CountRow[], quarter: string): IndicatorValues {
  const values = {} as IndicatorValues
  for (const code of INDICATOR_CODES) {
    const period = INDICATORS[code].kind === "state" ? NOW : quarter
    const mine = rows.filter((r) => r.code === code && r.period === period)
    const numerator = mine.reduce((s, r) => s + Number(r.numerator), 0)
    const denominator = mine.reduce((s, r) => s + Number(r.denominator), 0)
    const value: IndicatorValue = {
      numerator,
      denominator,
      ratio:
        INDICATORS[code].kind === "state" || denominator ? ratio(numerator, denominator) : null,
    }
    const dimensions = [...new Set(mine.map((r) => r.dimension).filter(Boolean))].sort()
    if (dimensions.length) {
      value.by = Object.fromEntries(
        dimensions.map((dim) => {
          const n = mine
            .filter((r) => r.dimension === dim)
            .reduce((s, r) => s + Number(r.numerator), 0)
          const d = mine
            .filter((r) => r.dimension === dim)
            .reduce((s, r) => s + Number(r.denominator), 0)
          return [dim, { numerator: n, denominator: d, ratio: ratio(n, d) }]
        }),
      )
    }
    values[code] = value
  }
  return values
}

/** Only the indicators the public may see. */
export function publicValues(values: IndicatorValues) {
  return Object.fromEntries(
    INDICATOR_CODES.filter((c) => INDICATORS[c].public).map((c) => [c, values[c]]),
  ) as Partial<IndicatorValues>
}

/** A quarter's report as exports lay it out: one row per indicator, with the previous quarter. */
export interface ReportRow {
  code: IndicatorCode
  name_vi: string
  name_en: string
  numerator: number
  denominator: number | null
  /** Percent with one decimal, or null when the indicator has no denominator. */
  percent: number | null
  previous_numerator: number | null
  /** Numerator change from the previous quarter, or null when there is none to compare. */
  change: number | null
  /** What the numerator counts, in Vietnamese (INDICATOR_FORMULAS). */
  numerator_words: string
  /** What the denominator counts, in Vietnamese, or null when the indicator has none in words. */
  denominator_words: string | null
}

export function reportRows(
  current: IndicatorValues,
  previous: IndicatorValues | null,
): ReportRow[] {
  return INDICATOR_CODES.map((code) => {
    const value = current[code]
    const hasDenominator = value.ratio !== null || value.denominator > 0
    const before = previous?.[code]?.numerator ?? null
    return {
      code,
      name_vi: INDICATORS[code].vi,
      name_en: INDICATORS[code].en,
      numerator: value.numerator,
      denominator: hasDenominator ? value.denominator : null,
      percent: value.ratio === null ? null : Math.round(value.ratio * 1000) / 10,
      previous_numerator: before,
      change: before === null ? null : value.numerator - before,
      numerator_words: INDICATOR_FORMULAS[code].vi.numerator,
      denominator_words: INDICATOR_FORMULAS[code].vi.denominator,
    }
  })
}
