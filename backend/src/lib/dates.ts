/**
 * Calendar dates ("YYYY-MM-DD") as the registry uses them: a certificate is issued and expires on
 * a day in Vietnam, whatever the server's time zone. Vietnam has kept UTC+7 without daylight
 * saving since 1975, so a fixed offset is exact.
 */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** Today's date in Vietnam (the contracts package's, shared with traceability). */
export { vietnamToday } from "@coop/contracts/quarters"

/** Whether a "YYYY-MM-DD" string names a real day (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false
  const date = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** The day as stored: midnight UTC, so the calendar date survives any server time zone. */
export function dateOnlyToStored(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`)
}

export function storedToDateOnly(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10)
}

/**
 * Adds calendar months; a day the target month lacks falls back to its last day, so a
 * certificate issued on 29 February 2024 runs 36 months to 28 February 2027.
 */
export function addMonths(value: string, months: number): string {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.toISOString().slice(0, 10)
}

export function addDays(value: string, days: number): string {
  const date = dateOnlyToStored(value)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
