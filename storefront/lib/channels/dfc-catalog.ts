import type { Seller } from "../medusa/types"
import type { FeedItem } from "./feed-items"

// A Data Food Consortium catalogue (https://www.datafoodconsortium.org, business ontology
// `dfc-b:`) in the JSON-LD shape Open Food Network's DFC API exchanges: a flat `@graph` of nodes
// linked by `@id`. Per seller a `dfc-b:Enterprise` with its `dfc-b:Address`, and per priced
// variant a `dfc-b:SuppliedProduct`, the `dfc-b:CatalogItem` that lists it and the
// `dfc-b:Offer` that prices it. The context is the one OFN preloads for this URL (vendored in
// storefront/vendor/dfc for the tests).

export const DFC_CONTEXT_URL = "https://www.datafoodconsortium.org"

/**
 * The DFC measures taxonomy names five currencies and not the dong; QUDT's currency vocabulary
 * (which the taxonomy's own currency entries are defined by) does.
 */
export const VND_UNIT = "http://qudt.org/vocab/currency/VND"

type Node = { "@id": string; "@type": string } & Record<string, unknown>

export type DfcCatalogue = { "@context": string; "@graph": Node[] }

function enterpriseNodes(seller: Seller, items: FeedItem[], base: string): Node[] {
  const id = `${base}#enterprise-${seller.handle}`
  const address = `${base}#address-${seller.handle}`
  const enterprise: Node = {
    "@id": id,
    "@type": "dfc-b:Enterprise",
    "dfc-b:name": seller.name,
    ...(seller.description ? { "dfc-b:description": seller.description } : {}),
    ...(seller.logoUrl ? { "dfc-b:logo": seller.logoUrl } : {}),
    "dfc-b:hasAddress": address,
    "dfc-b:supplies": items.map((item) => `${base}#product-${item.variantId}`),
    "dfc-b:manages": items.map((item) => `${base}#item-${item.variantId}`),
  }
  const place: Node = {
    "@id": address,
    "@type": "dfc-b:Address",
    ...(seller.address ? { "dfc-b:street": seller.address } : {}),
    ...(seller.commune ? { "dfc-b:city": seller.commune.name } : {}),
    ...(seller.province ? { "dfc-b:region": seller.province.name } : {}),
    "dfc-b:country": "Việt Nam",
  }
  return [enterprise, place]
}

function itemNodes(item: FeedItem, base: string): Node[] {
  const product = `${base}#product-${item.variantId}`
  const catalogItem = `${base}#item-${item.variantId}`
  const offer = `${base}#offer-${item.variantId}`
  return [
    {
      "@id": product,
      "@type": "dfc-b:SuppliedProduct",
      "dfc-b:name": item.title,
      "dfc-b:description": item.description,
      ...(item.imageLink ? { "dfc-b:image": item.imageLink } : {}),
      "dfc-b:referencedBy": catalogItem,
      "dfc-b:suppliedBy": `${base}#enterprise-${item.sellerHandle}`,
    },
    {
      "@id": catalogItem,
      "@type": "dfc-b:CatalogItem",
      "dfc-b:references": product,
      ...(item.sku ? { "dfc-b:sku": item.sku } : {}),
      // Stock is known only as "can be ordered or not": an empty shelf is a limit of 0.
      ...(item.inStock ? {} : { "dfc-b:stockLimitation": 0 }),
      "dfc-b:offeredThrough": offer,
    },
    {
      "@id": offer,
      "@type": "dfc-b:Offer",
      "dfc-b:offers": catalogItem,
      "dfc-b:hasPrice": {
        "@type": "dfc-b:Price",
        "dfc-b:value": item.price,
        "dfc-b:hasUnit": VND_UNIT,
      },
    },
  ]
}

/** `base` is the catalogue's own URL: every node's `@id` is a fragment of it. */
export function dfcCatalogue(sellers: Seller[], items: FeedItem[], base: string): DfcCatalogue {
  return {
    "@context": DFC_CONTEXT_URL,
    "@graph": sellers.flatMap((seller) => {
      const own = items.filter((item) => item.sellerHandle === seller.handle)
      return [...enterpriseNodes(seller, own, base), ...own.flatMap((i) => itemNodes(i, base))]
    }),
  }
}
