import { encodeAiValue } from "./digital-link.js"

/**
 * The links the resolver knows for a stamp, a lot and a product, as an RFC 9264 linkset with GS1
 * link types. Pure: the route gives the resolved record and the base URLs.
 */

export const GS1_VOC = "https://gs1.org/voc/"
/** GS1's current address for the same vocabulary; link types in either are the same type. */
export const GS1_REF_VOC = "https://ref.gs1.org/voc/"

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
  /** Absent on the default link: GS1 gives it a title and no other attribute. */
  type?: string
  hreflang?: string[]
}

/** One level of the identifier hierarchy (stamp, lot, product) and its links. */
export interface LinkLevel {
  anchor: string
  /** The linkset's `itemDescription`, which GS1's linkset schema requires of every level. */
  description: string
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
  /** The product's name, which the levels' descriptions start with. */
  productTitle: string
}

const relation = (type: LinkType) => `${GS1_VOC}${type.slice("gs1:".length)}`

/**
 * `linkType` as given in a query, or null when not one of ours: the `gs1:` CURIE or a full URI
 * in either of the vocabulary's addresses (`https://gs1.org/voc/pip`, `https://ref.gs1.org/voc/pip`).
 */
export function knownLinkType(value: string): LinkType | null {
  let short = value
  if (value.startsWith(GS1_VOC)) short = `gs1:${value.slice(GS1_VOC.length)}`
  else if (value.startsWith(GS1_REF_VOC)) short = `gs1:${value.slice(GS1_REF_VOC.length)}`
  return (LINK_TYPES as readonly string[]).includes(short) ? (short as LinkType) : null
}

const html = (href: string, title: string): Link => ({
  href,
  title,
  type: "text/html",
  hreflang: ["vi"],
})

/** A default link as GS1 defines it: the target and a title, no other attribute. */
const plain = ({ href, title }: Link): Link => ({ href, title })

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
  const lotDescription = `${input.productTitle} - lô ${input.lotCode ?? ""}`

  if (input.serial) {
    const serial = encodeAiValue(input.serial)
    const anchor = lotPath ? `${base}${lotPath}/21/${serial}` : `${base}/s/${serial}`
    levels.push({
      anchor,
      description: `${lotDescription} - tem ${input.serial}`,
      links: {
        "gs1:defaultLink": {
          href: `${input.storefrontUrl}/vi/trace/${serial}`,
          title: "Nguồn gốc sản phẩm",
        },
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
      description: lotDescription,
      links: { "gs1:traceability": epcis },
    })
  }
  if (gtinPath) {
    levels.push({ anchor: `${base}${gtinPath}`, description: input.productTitle, links: {} })
  }
  const productLevel = levels.at(-1)
  if (productPage && productLevel) productLevel.links["gs1:pip"] = productPage

  const requested = levels[0]
  if (requested && !requested.links["gs1:defaultLink"]) {
    // Every answer has exactly one default; the shop's front page when nothing better is known.
    requested.links["gs1:defaultLink"] = productPage
      ? plain(productPage)
      : { href: `${input.storefrontUrl}/vi`, title: "Chợ nông sản" }
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

/**
 * RFC 9264 JSON as GS1's linkset schema wants it: one context object per level with its
 * `itemDescription`, relation types as GS1 vocabulary URIs.
 */
export function toLinkset(levels: readonly LinkLevel[]): Linkset {
  return {
    linkset: levels.map((level) => {
      const context: Record<string, string | Link[]> = {
        anchor: level.anchor,
        itemDescription: level.description,
      }
      for (const type of LINK_TYPES) {
        const link = level.links[type]
        if (link) context[relation(type)] = [link]
      }
      return context
    }),
  }
}
