/**
 * The platform's two languages, and which one a client asked for. Every service answers in
 * Vietnamese unless the client's Accept-Language prefers English.
 */

export type Lang = "vi" | "en"

/** A message in both of the platform's languages. */
export interface Text {
  vi: string
  en: string
}

/**
 * English when an Accept-Language header prefers it over Vietnamese; Vietnamese otherwise
 * (no header, neither language named, or Vietnamese ranked first). Weights (`q=`) rank the tags;
 * equal weights keep the client's order; `q=0` means "not this one".
 */
export function preferredLang(header: string | readonly string[] | null | undefined): Lang {
  const value = Array.isArray(header) ? header.join(",") : (header as string | null | undefined)
  if (typeof value !== "string" || !value) return "vi"
  const ranked = value
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";")
      const q = params.map((p) => /^q=([0-9.]+)$/.exec(p.trim())).find(Boolean)
      return { tag: tag ?? "", q: q ? Number(q[1]) : 1, index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    if (tag === "vi" || tag.startsWith("vi-")) return "vi"
    if (tag === "en" || tag.startsWith("en-")) return "en"
  }
  return "vi"
}
