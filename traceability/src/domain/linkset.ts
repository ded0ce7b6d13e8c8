import { encodeAiValue } from "./digital-link.js"

/**
 * The links the resolver knows for a stamp, a lot and a product, as an RFC 9264 linkset with GS1
 * link types. Pure: the route gives the resolved record and the base URLs.
 */

export const GS1_VOC = "https://gs1.org/voc/"

/** The link types this resolver can answer, by their short GS1 name. */
export const LINK_TYPES = [
  "gs1:defaultLink",
  "gs1:pip",
  "gs1:traceability",
  "gs1:verificationService",
] as const

export type LinkType = (typeof LINK_TYPES)[number]

export interface Link {
  href: string
  title: string
  type: string
  hreflang: string[]
}

/** One level of the identifier hierarchy (stamp, lot, product) and its links. */
export interface LinkLevel {
  anchor: string
  links: Partial<Record<LinkType, Link>>
}

export interface LinkInput {
  publicUrl: string
  storefrontUrl: string
  gtin: string | null
  lotCode: string | null
  serial: string | null
  /** The batch behind a lot or stamp; null at the GTIN level. */
  batchId: string | null
  /** The product's handle in the shop, for its page; null when unknown. */
  productHandle: string | null
}

const relation = (type: LinkType) => `${GS1_VOC}${type.slice("gs1:".length)}`

/** `linkType` as given in a query (short `gs1:pip` or full URI), or null when not one of ours. */
export function knownLinkType(value: string): LinkType | null {
  const short = value.startsWith(GS1_VOC) ? `gs1:${value.slice(GS1_VOC.length)}` : value
  return (LINK_TYPES as readonly string[]).includes(short) ? (short as LinkType) : null
}

const html = (href: string, title: string): Link => ({
  href,
  title,
  type: "text/html",
  hreflang: ["vi"],
})

/**
 * The levels of an identifier, most specific first. The requested level carries the one
 * gs1:defaultLink: the stamp's page for a stamp, the product's page for a lot or a product.
 */
export function linkLevels(input: LinkInput): LinkLevel[] {
  const base = input.publicUrl
  const gtinPath = input.gtin ? `/01/${input.gtin}` : null
  const lotPath =
    gtinPath && input.lotCode ? `${gtinPath}/10/${encodeAiValue(input.lotCode)}` : null
  const productPage = input.productHandle
    ? html(
        `${input.storefrontUrl}/vi/products/${encodeURIComponent(input.productHandle)}`,
        "Trang sản phẩm",
      )
    : null
  const levels: LinkLevel[] = []

  if (input.serial) {
    const serial = encodeAiValue(input.serial)
    const anchor = lotPath ? `${base}${lotPath}/21/${serial}` : `${base}/s/${serial}`
    levels.push({
      anchor,
      links: {
        "gs1:defaultLink": html(`${input.storefrontUrl}/vi/trace/${serial}`, "Nguồn gốc sản phẩm"),
        "gs1:verificationService": {
          href: `${base}/stamps/${serial}/provenance`,
          title: "Kiểm tra tem",
          type: "application/json",
          hreflang: ["vi"],
        },
      },
    })
  }
  if (input.batchId) {
    const epcis: Link = {
      href: `${base}/batches/${input.batchId}/epcis`,
      title: "Nhật ký lô hàng (EPCIS)",
      type: "application/ld+json",
      hreflang: ["vi"],
    }
    levels.push({
      anchor: lotPath ? `${base}${lotPath}` : `${base}/batches/${input.batchId}`,
      links: { "gs1:traceability": epcis },
    })
  }
  if (gtinPath) levels.push({ anchor: `${base}${gtinPath}`, links: {} })
  const productLevel = levels.at(-1)
  if (productPage && productLevel) productLevel.links["gs1:pip"] = productPage

  const requested = levels[0]
  if (requested && !requested.links["gs1:defaultLink"]) {
    // Every answer has exactly one default; the shop's front page when nothing better is known.
    requested.links["gs1:defaultLink"] =
      productPage ?? html(`${input.storefrontUrl}/vi`, "Chợ nông sản")
  }
  return levels
}

/** The target of a link type, searching from the most specific level up. */
export function findLink(levels: readonly LinkLevel[], type: LinkType): Link | null {
  for (const level of levels) {
    const link = level.links[type]
    if (link) return link
  }
  return null
}

export interface Linkset {
  linkset: Array<Record<string, string | Link[]>>
}

/** RFC 9264 JSON: one context object per level, relation types as GS1 vocabulary URIs. */
export function toLinkset(levels: readonly LinkLevel[]): Linkset {
  return {
    linkset: levels.map((level) => {
      const context: Record<string, string | Link[]> = { anchor: level.anchor }
      for (const type of LINK_TYPES) {
        const link = level.links[type]
        if (link) context[relation(type)] = [link]
      }
      return context
    }),
  }
}
