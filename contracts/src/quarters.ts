/**
 * Calendar quarters as communes report them ("2026-Q3"), in Vietnam's time (UTC+7 all year, no
 * daylight saving): a scan at 23:30 on 30 September in Hà Nội belongs to Q3.
 */
import type { Lang } from "./i18n.js"

export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/
/** The same pattern for JSON Schema (`pattern` takes a string). */
export const QUARTER_PATTERN_SOURCE = "^[0-9]{4}-Q[1-4]$"

export function isQuarter(value: unknown): value is string {
  return typeof value === "string" && QUARTER_PATTERN.test(value)
}

/** The quarter a moment falls in, in Vietnam. */
export function quarterOf(at: Date | string): string {
  const local = new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS)
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`
}

/** The quarter's first moment (inclusive) and the next quarter's (exclusive), or null. */
export function quarterRange(quarter: string): { start: Date; end: Date } | null {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) return null
  const year = Number(match[1])
  const firstMonth = (Number(match[2]) - 1) * 3
  const start = new Date(Date.UTC(year, firstMonth, 1) - VIETNAM_OFFSET_MS)
  const end = new Date(Date.UTC(year, firstMonth + 3, 1) - VIETNAM_OFFSET_MS)
  return { start, end }
}

/** The quarter before, e.g. "2026-Q1" -> "2025-Q4". */
export function previousQuarter(quarter: string): string {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) throw new Error(`Not a quarter: ${quarter}`)
  const year = Number(match[1])
  const q = Number(match[2])
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
}

/** Quarters from `from` to `to`, both included, oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let q = to; out.length < 400; q = previousQuarter(q)) {
    out.unshift(q)
    if (q === from) return out
  }
  throw new Error(`${from} is not before ${to}`)
}

/** `count` quarters ending with `last`, newest first. */
export function quartersBefore(last: string, count: number): string[] {
  const out = [last]
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]!))
  return out
}

/** Compares quarters as strings compare: "2026-Q3" < "2026-Q4" < "2027-Q1". */
export const isAfter = (a: string, b: string) => a > b

/** "Quý 3/2026" / "Q3 2026"; anything that is not a quarter as it is. */
export function quarterLabel(quarter: string, lang: Lang): string {
  const match = QUARTER_PATTERN.exec(quarter)
  if (!match) return quarter
  return lang === "vi" ? `Quý ${match[2]}/${match[1]}` : `Q${match[2]} ${match[1]}`
}

/** Today's calendar day in Vietnam, "YYYY-MM-DD". */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}
