import type { Locale } from "@/i18n/routing"

// Quarters as communes report them ("2026-Q3"), in Vietnam's time (UTC+7 all year), like the
// backend's src/lib/indicators/quarter.ts.

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
const QUARTER = /^(\d{4})-Q([1-4])$/

export function isQuarter(value: unknown): value is string {
  return typeof value === "string" && QUARTER.test(value)
}

/** The quarter a moment falls in, in Vietnam. */
export function quarterOf(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS)
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`
}

export function previousQuarter(quarter: string): string {
  const match = QUARTER.exec(quarter)
  if (!match) throw new Error(`Not a quarter: ${quarter}`)
  const year = Number(match[1])
  const q = Number(match[2])
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
}

/** `count` quarters ending with `last`, newest first. */
export function quartersBefore(last: string, count: number): string[] {
  const out = [last]
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]!))
  return out
}

/** "Quý 3/2026" / "Q3 2026". */
export function quarterLabel(quarter: string, locale: Locale): string {
  const match = QUARTER.exec(quarter)
  if (!match) return quarter
  return locale === "vi" ? `Quý ${match[2]}/${match[1]}` : `Q${match[2]} ${match[1]}`
}

/** The quarter asked for in a URL: a well-formed one not after the current one, else the current. */
export function chosenQuarter(asked: unknown, now = new Date()): string {
  const current = quarterOf(now)
  return isQuarter(asked) && asked <= current ? asked : current
}

/** Today's calendar day in Vietnam, "YYYY-MM-DD". */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}
