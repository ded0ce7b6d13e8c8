import type { GenuineProvenance } from "./types"

// The resolver's answer for a genuine stamp (traceability/src/http/routes/resolver.ts).
export type ApiProvenance = {
  verdict: "genuine"
  stamp: { serial: string; uri: string; state: string; issued_at: string }
  batch: {
    id: string
    lot_code: string
    quantity: number
    unit: string
    state: string
    created_at?: string
  }
  product: { id: string; title: string; gtin: string | null }
  seller: { id: string }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null

const isString = (value: unknown): value is string => typeof value === "string"

/** Whether a 200 body has the fields the page shows; anything else is not trusted as genuine. */
export function isApiProvenance(body: unknown): body is ApiProvenance {
  if (!isObject(body) || body.verdict !== "genuine") return false
  const { stamp, batch, product, seller } = body
  return (
    isObject(stamp) &&
    isString(stamp.serial) &&
    isString(stamp.uri) &&
    isString(stamp.state) &&
    isString(stamp.issued_at) &&
    !Number.isNaN(Date.parse(stamp.issued_at)) &&
    isObject(batch) &&
    isString(batch.id) &&
    isString(batch.lot_code) &&
    typeof batch.quantity === "number" &&
    isString(batch.unit) &&
    isString(batch.state) &&
    isObject(product) &&
    isString(product.id) &&
    isString(product.title) &&
    (product.gtin === null || isString(product.gtin)) &&
    isObject(seller) &&
    isString(seller.id)
  )
}

/** Whether a 404 body is the resolver's own verdict, not some other server's "not found". */
export function isNotGenuineAnswer(body: unknown): boolean {
  return isObject(body) && body.verdict === "not_genuine"
}

export function reshapeProvenance(api: ApiProvenance): GenuineProvenance {
  return {
    verdict: "genuine",
    stamp: {
      serial: api.stamp.serial,
      uri: api.stamp.uri,
      state: api.stamp.state,
      issuedAt: new Date(api.stamp.issued_at),
    },
    batch: {
      id: api.batch.id,
      lotCode: api.batch.lot_code,
      quantity: api.batch.quantity,
      unit: api.batch.unit,
      state: api.batch.state,
    },
    product: { id: api.product.id, title: api.product.title, gtin: api.product.gtin },
    sellerId: api.seller.id,
  }
}
