/** A URL handle from a Vietnamese name: "HTX Nông nghiệp Gia Phú" -> "htx-nong-nghiep-gia-phu". */
export function toHandle(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)
      // Trimmed after the cut too: a long name cut at a space would end in "-", which Medusa refuses.
      .replace(/^-+|-+$/g, "")
  )
}
