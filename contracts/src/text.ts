/**
 * Vietnamese text as the platform's services must agree on it: what a buyer or an officer types
 * on a phone keyboard without diacritics ("ba dinh" finds "Phường Ba Đình"), what a bank prints
 * on a transfer ("HOP TAC XA DONG TAM"), and the ASCII names of URLs and files. "đ" has no
 * combining mark to strip, so it is mapped by hand.
 */

/** Tone and vowel marks removed, "đ"/"Đ" as "d"/"D"; case and spacing kept. */
export function stripMarks(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D")
}

/**
 * A search key: lower case, no marks, runs of white space as one space, ends trimmed. Both sides
 * of every match (a typed query, a stored name) are reduced to this.
 */
export function fold(text: string): string {
  return stripMarks(text).toLowerCase().replace(/\s+/g, " ").trim()
}

/**
 * Text as banks print it on a transfer: marks removed ("Thanh toán" -> "Thanh toan"), runs of
 * white space as one space, ends trimmed. Characters with no ASCII form (emoji, "₫") are kept,
 * so callers can refuse them.
 */
export function bankText(text: string): string {
  return stripMarks(text).replace(/\s+/g, " ").trim()
}

/**
 * An account holder as banks print it and VietQR carries it: capitals without marks
 * ("Hợp tác xã Đồng Tâm" -> "HOP TAC XA DONG TAM").
 */
export function payeeName(text: string): string {
  return bankText(text).toUpperCase()
}

/** ASCII letters, digits and dashes only, case kept: "Gia Phú" -> "Gia-Phu" (file names). */
export function asciiSlug(text: string): string {
  return stripMarks(text)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

/** A URL handle from a name: "HTX Nông nghiệp Gia Phú" -> "htx-nong-nghiep-gia-phu", at most 60. */
export function toHandle(name: string): string {
  return (
    stripMarks(name)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)
      // Trimmed after the cut too: a name cut at a space would end in "-", which Medusa refuses.
      .replace(/^-+|-+$/g, "")
  )
}
