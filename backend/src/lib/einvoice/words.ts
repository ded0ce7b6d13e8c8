/**
 * An amount of dong in Vietnamese words, as invoices print it (`TgTTTBChu`): "Một trăm tám mươi
 * lăm nghìn đồng". The reading is the common northern one accounting software prints:
 * "nghìn" (not "ngàn"), "linh" (not "lẻ") for a zero tens digit, "mốt" for a final 1 after
 * twenty, "lăm" for a final 5 after ten, "bốn" (not "tư"); a group of three after a larger one is
 * read in full ("một triệu không trăm linh năm"), an all-zero group is skipped ("một tỷ").
 */
const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
const GROUPS = ["", "nghìn", "triệu"]

/** Three digits; `full` reads the hundreds even when zero (a group after a larger one). */
function readGroup(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100)
  const tens = Math.floor(group / 10) % 10
  const units = group % 10
  const words: string[] = []
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, "trăm")
  if (tens === 0 && units > 0 && (full || hundreds > 0)) words.push("linh")
  if (tens === 1) words.push("mười")
  if (tens > 1) words.push(DIGITS[tens]!, "mươi")
  if (units > 0) {
    if (units === 1 && tens > 1) words.push("mốt")
    else if (units === 5 && tens > 0) words.push("lăm")
    else words.push(DIGITS[units]!)
  }
  return words
}

/** Below one billion; `full` when a larger unit (tỷ) came before. */
function readBelowBillion(n: number, full: boolean): string[] {
  const words: string[] = []
  let leading = !full
  for (let i = 2; i >= 0; i--) {
    const group = Math.floor(n / 1000 ** i) % 1000
    if (group === 0) continue
    words.push(...readGroup(group, !leading))
    if (GROUPS[i]) words.push(GROUPS[i]!)
    leading = false
  }
  return words
}

function read(n: number, full = false): string[] {
  if (n >= 1_000_000_000) {
    const billions = Math.floor(n / 1_000_000_000)
    const rest = n % 1_000_000_000
    return [...read(billions, full), "tỷ", ...(rest ? readBelowBillion(rest, true) : [])]
  }
  return readBelowBillion(n, full)
}

/** "Không đồng", "Mười lăm nghìn đồng", "Một triệu không trăm linh năm đồng", ... */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`A whole, non-negative number of dong is needed, got ${amount}`)
  }
  const words = amount === 0 ? ["không"] : read(amount)
  const text = [...words, "đồng"].join(" ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}
