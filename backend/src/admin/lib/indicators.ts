import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminLang } from "./i18n"
import { sdk } from "./sdk"

export interface IndicatorCommune {
  code: string
  name: string | null
  province: { code: string; name: string } | null
  sellers: number
  approved_sellers: number
  has_counts: boolean
}

export interface IndicatorMeta {
  kind: "state" | "flow"
  public: boolean
  vi: string
  en: string
}

export interface IndicatorValue {
  numerator: number
  denominator: number
  ratio: number | null
  by?: Record<string, { numerator: number; denominator: number; ratio: number | null }>
}

export interface QuarterValues {
  quarter: string
  closed: boolean
  /** Null for a state indicator of a past quarter nobody closed: its state was not recorded. */
  indicators: Record<string, IndicatorValue | null>
}

export interface CommuneIndicators {
  commune: { code: string; name: string; province_code: string; province_name: string }
  indicators: Record<string, IndicatorMeta>
  /** Oldest first; the last is the current quarter. */
  quarters: QuarterValues[]
}

const KEY = ["coop-indicators"]

/** Every commune with sellers or indicator counts, for the picker. */
export function useIndicatorCommunes() {
  return useQuery({
    queryKey: [...KEY, "communes"],
    queryFn: () =>
      sdk.client.fetch<{ communes: IndicatorCommune[]; count: number }>(
        "/admin/indicators/communes",
      ),
  })
}

/** A commune's indicators over the last eight quarters. */
export function useCommuneIndicators(code: string | null) {
  return useQuery({
    queryKey: [...KEY, "commune", code],
    queryFn: () => sdk.client.fetch<CommuneIndicators>(`/admin/indicators/communes/${code}`),
    enabled: !!code,
  })
}

/** Reopens a commune's closed quarter (with a reason for the audit log), then refreshes. */
export function useReopenQuarter() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { commune_code: string; quarter: string; reason: string }) =>
      sdk.client.fetch<{ commune_code: string; quarter: string; reopened: boolean }>(
        "/admin/indicators/reopen",
        { method: "POST", body, headers: { "accept-language": adminLang() } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  })
}

/** Values counted in đồng. */
export const MONEY_CODES = new Set(["GMV", "CASHLESS_VALUE"])

/** Indicators charted as a share (state indicators, and cashless orders among all orders). */
export function isRatioIndicator(code: string, meta: IndicatorMeta): boolean {
  return meta.kind === "state" || code === "CASHLESS"
}

const locale = () => (adminLang() === "en" ? "en-GB" : "vi-VN")

export const formatVnd = (value: number) =>
  new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(value)

export const formatNumber = (value: number) => new Intl.NumberFormat(locale()).format(value)

export const formatPercent = (ratio: number | null) =>
  ratio === null
    ? "–"
    : new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(ratio)

/** "9/9 (100%)" for shares, "185.000 ₫" for money, a plain number otherwise. */
export function formatIndicator(code: string, meta: IndicatorMeta, value: IndicatorValue): string {
  if (MONEY_CODES.has(code)) return formatVnd(value.numerator)
  if (isRatioIndicator(code, meta)) {
    return `${formatNumber(value.numerator)}/${formatNumber(value.denominator)} (${formatPercent(value.ratio)})`
  }
  return formatNumber(value.numerator)
}

/** "2026-Q3" -> "Q3/2026". */
export function quarterLabel(quarter: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter)
  return match ? `Q${match[2]}/${match[1]}` : quarter
}

export interface Bar {
  quarter: string
  label: string
  closed: boolean
  /** 0..1 of the plot's height, or null for a gap (a quarter nobody closed). */
  height: number | null
  /** The value as people read it, for titles and the chart's summary. */
  text: string | null
}

/** One bar per quarter: the share for ratio indicators, the count scaled to the largest for flows. */
export function barsFor(code: string, meta: IndicatorMeta, quarters: QuarterValues[]): Bar[] {
  const ratio = isRatioIndicator(code, meta)
  const max = Math.max(0, ...quarters.map((q) => q.indicators[code]?.numerator ?? 0))
  return quarters.map((q) => {
    const value = q.indicators[code] ?? null
    let height: number | null = null
    if (value) {
      if (ratio) height = Math.min(1, Math.max(0, value.ratio ?? 0))
      else height = max > 0 ? value.numerator / max : 0
    }
    return {
      quarter: q.quarter,
      label: quarterLabel(q.quarter),
      closed: q.closed,
      height,
      text: value ? formatIndicator(code, meta, value) : null,
    }
  })
}
