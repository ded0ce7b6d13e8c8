import type { Day } from "./types"

/**
 * A calendar day the cooperative wrote ("2026-10-05") as an instant inside that day in Vietnam,
 * so formatDate (which formats in Asia/Ho_Chi_Minh) shows the same day whatever the server's zone.
 */
export function dayToDate(day: Day): Date {
  return new Date(`${day}T12:00:00+07:00`)
}
