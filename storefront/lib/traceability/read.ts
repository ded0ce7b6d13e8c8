// Small readers for untrusted JSON: each returns the value when it has the expected type, else
// undefined, so one odd field drops that field and not the whole page.

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const isString = (value: unknown): value is string => typeof value === "string"

export const isDateTime = (value: unknown): value is string =>
  isString(value) && !Number.isNaN(Date.parse(value))

export const str = (value: unknown): string | undefined =>
  isString(value) && value.trim() !== "" ? value : undefined

export const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined

/** A string, or null for anything else (the service's nullable text fields). */
export const nullableStr = (value: unknown): string | null => str(value) ?? null

/** A calendar day "YYYY-MM-DD", or null. */
export const day = (value: unknown): string | null =>
  isString(value) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return (values as readonly unknown[]).includes(value) ? (value as T) : undefined
}

export function quantity(value: unknown): { amount: number; unit: string } | undefined {
  if (!isObject(value)) return undefined
  const amount = num(value.amount)
  const unit = str(value.unit)
  return amount !== undefined && unit !== undefined ? { amount, unit } : undefined
}
