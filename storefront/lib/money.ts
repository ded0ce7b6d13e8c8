// VND has no minor unit: Medusa stores whole dong (185000 = 185.000 ₫) and so do we.
const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })

/**
 * Formats an amount of dong the Vietnamese way in every UI language ("185.000 ₫", with a
 * non-breaking space before the sign). Fractions are rounded: Medusa does not reject them.
 */
export function formatVnd(amount: number): string {
  return vnd.format(Math.round(amount))
}
