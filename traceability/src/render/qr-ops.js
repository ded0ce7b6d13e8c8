// Plain JavaScript, so the QR worker threads run it as it is, from src/ and from dist/ alike
// (tsc does not compile .js here; the build copies it). Types: qr-ops.d.ts.
import QRCode from "qrcode"

/**
 * "M" (15 % recovery) survives a scuffed bag without making the code much denser than "L";
 * every output (PNG, SVG, PDF) uses the same level so they draw the same matrix.
 */
export const ERROR_CORRECTION = "M"
/** Light modules around the code; the QR specification asks for four. */
export const QUIET_ZONE = 4

export function qrMatrix(text) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION })
  return { size: modules.size, data: modules.data }
}

/**
 * The dark modules as PDF path operators in module units (one `x y w 1 re` per horizontal run),
 * without the fill operator. The caller scales it with `cm`; integers keep the stream short and
 * one fill of the whole path leaves no seams between rows.
 */
export function qrPathOperators({ size, data }, offset = QUIET_ZONE) {
  const parts = []
  for (let y = 0; y < size; y++) {
    const row = y * size
    let x = 0
    while (x < size) {
      if (!data[row + x]) {
        x++
        continue
      }
      const start = x
      while (x < size && data[row + x]) x++
      parts.push(`${start + offset} ${y + offset} ${x - start} 1 re`)
    }
  }
  return parts.join("\n")
}
