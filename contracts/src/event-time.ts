/**
 * Event times keep the offset they were recorded with (a farmer in Lào Cai writes "+07:00"):
 * PostgreSQL's timestamptz keeps only the instant, so the offset is stored beside it and the
 * local time is rebuilt from both.
 */

const OFFSET = /^([+-])(\d{2}):(\d{2})$/

/** Minutes east of UTC for "+07:00" / "-03:30" / "Z", or null when malformed or out of range. */
export function offsetMinutes(offset: string): number | null {
  if (offset === "Z") return 0
  const match = OFFSET.exec(offset)
  if (!match) return null
  const hours = Number(match[2])
  const minutes = Number(match[3])
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes)
}

/** The offset written in an RFC 3339 time ("...+07:00" -> "+07:00", "...Z" -> "+00:00"). */
export function offsetOf(rfc3339: string): string | null {
  if (/z$/i.test(rfc3339)) return "+00:00"
  const match = /([+-]\d{2}:\d{2})$/.exec(rfc3339)
  return match && offsetMinutes(match[1]!) !== null ? match[1]! : null
}

/** The instant as local time at that offset: 2025-10-01T08:00:00.000+07:00. */
export function isoWithOffset(instant: Date, offset: string): string {
  const minutes = offsetMinutes(offset)
  if (minutes === null) throw new Error(`Bad time zone offset ${offset}`)
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, -1)
  return `${local}${offset === "Z" ? "+00:00" : offset}`
}
