import { vietnamToday } from "@coop/contracts/quarters"
import { z } from "zod"
import type { SellerKind } from "../domain/batch.js"
import { normaliseGtin } from "../domain/digital-link.js"

/**
 * The backend's view of a product, asked with the caller's own token: the service never takes
 * a product title or a seller from the client, and a product the caller may not see is
 * "not found" whether it exists or not.
 */

export interface CatalogSeller {
  id: string
  handle: string
  name: string
  kind: SellerKind
  address: string | null
  communeCode: string
  communeName: string
  provinceCode: string
  provinceName: string
  villageName: string | null
  phone: string | null
  /** Only approved sellers may write; a suspended seller's stamps resolve `seller_suspended`. */
  state: SellerState
  /** When the backend last changed the state; null if it never did. */
  stateChangedAt: Date | null
}

export type SellerState = "pending" | "approved" | "suspended"

/** What the commune registry says of the listing: copied onto batches, never taken from clients. */
export interface RegistryCertificate {
  stars: 3 | 4 | 5
  certificateNumber: string | null
  /** YYYY-MM-DD, the last valid day. */
  expiresOn: string | null
}

export interface CatalogProduct {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  /** Medusa's product status: draft, proposed, published or rejected. */
  status: string
  /** GTIN-14 of the first variant with a valid ean, upc or barcode; null when none has one. */
  gtin: string | null
  /** OCOP stars of the commune registry's certificate linked to the listing, while it is valid. */
  ocopStars: 3 | 4 | 5 | null
  /** That certificate (null when there is none or it has expired). */
  ocop: RegistryCertificate | null
  seller: CatalogSeller
}

export interface ProductLookup {
  productId: string
  /** The caller's Authorization header, passed through unchanged. */
  authorization: string
  /** Operators look products up through the admin API; seller members and helpers through /seller. */
  asOperator: boolean
}

export interface ProductCatalog {
  /** The product, or null when the backend says the caller cannot see it. */
  findProduct(lookup: ProductLookup): Promise<CatalogProduct | null>
}

/** The backend could not answer (down, timed out, or answered something unexpected). */
export class CatalogUnavailableError extends Error {}

/** The backend refused the caller's token. */
export class CatalogUnauthorizedError extends Error {}

const nullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? null)

const productResponse = z.object({
  product: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    handle: z.string().min(1),
    thumbnail: nullableText,
    status: z.string().min(1),
    variants: z
      .array(
        z.object({
          id: z.string(),
          sku: nullableText,
          ean: nullableText,
          upc: nullableText,
          barcode: nullableText,
        }),
      )
      .nullish(),
    ocop: z
      .object({
        stars: z.union([z.literal(3), z.literal(4), z.literal(5)]),
        certificate_number: nullableText,
        expires_on: z.string().nullish(),
      })
      .nullish(),
    seller: z.object({
      id: z.string().min(1),
      handle: z.string().min(1),
      name: z.string().min(1),
      kind: z.enum(["cooperative", "household"]),
      address: nullableText,
      commune_code: z.string().min(1),
      commune_name: z.string().min(1),
      province_code: z.string().min(1),
      province_name: z.string().min(1),
      village_name: nullableText,
      phone: nullableText,
      state: z.enum(["pending", "approved", "suspended"]),
      state_changed_at: z.iso.datetime({ offset: true }).nullish(),
    }),
  }),
})

type ProductResponse = z.infer<typeof productResponse>["product"]

/** The first valid GTIN among the variants' ean, upc and barcode, as GTIN-14. */
export function gtinOfVariants(variants: ProductResponse["variants"]): string | null {
  for (const variant of variants ?? []) {
    for (const code of [variant.ean, variant.upc, variant.barcode]) {
      if (!code) continue
      const result = normaliseGtin(code.trim())
      if (result.ok) return result.gtin
    }
  }
  return null
}

export function catalogProduct(product: ProductResponse): CatalogProduct {
  const s = product.seller
  const expiresOn = product.ocop?.expires_on?.slice(0, 10) ?? null
  const valid = product.ocop && !(expiresOn && expiresOn < vietnamToday())
  const ocop: RegistryCertificate | null = valid
    ? {
        stars: product.ocop!.stars,
        certificateNumber: product.ocop!.certificate_number,
        expiresOn,
      }
    : null
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    thumbnail: product.thumbnail,
    status: product.status,
    gtin: gtinOfVariants(product.variants),
    ocopStars: ocop?.stars ?? null,
    ocop,
    seller: {
      id: s.id,
      handle: s.handle,
      name: s.name,
      kind: s.kind,
      address: s.address,
      communeCode: s.commune_code,
      communeName: s.commune_name,
      provinceCode: s.province_code,
      provinceName: s.province_name,
      villageName: s.village_name,
      phone: s.phone,
      state: s.state,
      stateChangedAt: s.state_changed_at ? new Date(s.state_changed_at) : null,
    },
  }
}

/** The backend over HTTP (the product lookup contract: /seller/products/:id, /admin/seller-products/:id). */
export class HttpProductCatalog implements ProductCatalog {
  constructor(
    private readonly backendUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async findProduct({ productId, authorization, asOperator }: ProductLookup) {
    const id = encodeURIComponent(productId)
    const url = asOperator
      ? `${this.backendUrl}/admin/seller-products/${id}`
      : `${this.backendUrl}/seller/products/${id}`
    let response: Response
    try {
      response = await fetch(url, {
        headers: { authorization, accept: "application/json" },
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw new CatalogUnavailableError(`The backend did not answer: ${(error as Error).message}`, {
        cause: error,
      })
    }
    if (response.status === 404) return null
    if (response.status === 401) throw new CatalogUnauthorizedError("The backend refused the token")
    // A seller asking for another seller's product may be told 403 rather than 404: same answer.
    if (response.status === 403) return null
    if (!response.ok) {
      throw new CatalogUnavailableError(`The backend answered HTTP ${response.status}`)
    }
    const parsed = productResponse.safeParse(await response.json().catch(() => null))
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new CatalogUnavailableError(
        `The backend's product is malformed at ${issue.path.join(".")}: ${issue.message}`,
      )
    }
    return catalogProduct(parsed.data.product)
  }
}
