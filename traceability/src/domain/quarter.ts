/**
 * Calendar quarters as the commune reports them ("2026-Q3"), in Vietnam's time (UTC+7, no
 * daylight saving): a scan at 23:30 on 30 September in Hà Nội belongs to Q3.
 */

export const QUARTER_PATTERN = "^[0-9]{4}-Q[1-4]$"
const VIETNAM_OFFSET_MS = 7 * 3600_000

export interface QuarterRange {
  quarter: string
  /** Inclusive. */
  start: Date
  /** Exclusive: the next quarter's start. */
  end: Date
}

/** The range of "YYYY-Qn", or null when the text is not a quarter. */
export function parseQuarter(text: string): QuarterRange | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text)
  if (!match) return null
  const year = Number(match[1])
  const firstMonth = (Number(match[2]) - 1) * 3
  const start = new Date(Date.UTC(year, firstMonth, 1) - VIETNAM_OFFSET_MS)
  const end = new Date(Date.UTC(year, firstMonth + 3, 1) - VIETNAM_OFFSET_MS)
  return { quarter: text, start, end }
}

/** The quarter an instant falls in, in Vietnam's time. */
export function quarterOf(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS)
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`
}
