import type { MedusaRequest } from "@medusajs/framework/http"

export type Lang = "vi" | "en"

/** A message in both of the platform's languages. */
export interface Text {
  vi: string
  en: string
}

/** English when the client's Accept-Language prefers it over Vietnamese; Vietnamese otherwise. */
export function requestLang(req: Pick<MedusaRequest, "headers">): Lang {
  const header = req.headers["accept-language"]
  if (typeof header !== "string" || !header) return "vi"
  const ranked = header
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
