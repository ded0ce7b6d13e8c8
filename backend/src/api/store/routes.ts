import {
  allowFields,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MedusaStoreRequest,
  type MiddlewareRoute,
  maybeApplyLinkFilter,
} from "@medusajs/framework/http"
import { FeatureFlag } from "@medusajs/framework/utils"
import { findProductIdsByText } from "../../lib/product-search"
import { PUBLIC_SELLER_FIELDS } from "../../lib/seller-views"
import { holdCardForWeighing } from "./card-hold"
import { refuseCashForDeposit } from "./deposit-guard"
import { recountRetriedCompletion } from "./recount-retried-completion"
import { refuseUnconfirmedVietQr } from "./vietqr-guard"
import { refuseUnacceptedWeighing } from "./weight-acceptance-guard"

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/** An async middleware whose rejection reaches the error handler. */
const wrap =
  (middleware: Middleware) => (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    Promise.resolve(middleware(req, res, next)).catch(next)

/** The OCOP badge a product card shows. */
export const BADGE_FIELDS = ["id", "stars", "group", "certificate_number", "expires_on"] as const

const LINKED = {
  seller: PUBLIC_SELLER_FIELDS.map((f) => `seller.${f}`),
  ocop_entry: BADGE_FIELDS.map((f) => `ocop_entry.${f}`),
}

const WHOLE_RELATION = /^[+ ]?(?:\*(seller|ocop_entry)|(seller|ocop_entry)(?:\.\*)?)$/

/**
 * `*seller` would select every column of the seller, bank account included, so Medusa's allowed
 * list drops it. Rewrite the shorthand into the public fields, which the allowed list accepts.
 */
export function expandLinkedFields(fields: string): string {
  return fields
    .split(",")
    .flatMap((field) => {
      const match = WHOLE_RELATION.exec(field)
      const relation = (match?.[1] ?? match?.[2]) as keyof typeof LINKED | undefined
      return relation ? LINKED[relation].map((f) => `+${f}`) : [field]
    })
    .join(",")
}

function expandLinkedStars(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (typeof req.query.fields === "string") req.query.fields = expandLinkedFields(req.query.fields)
  next()
}

const channelFilter = maybeApplyLinkFilter({
  entryPoint: "product_sales_channel",
  resourceId: "product_id",
  filterableField: "sales_channel_id",
})

/**
 * Medusa skips the sales-channel filter of a product list when the store has one channel, but a
 * suspended or pending seller's products are exactly those outside the channel. Filter always,
 * intersected with any id filter already applied (the index engine filters by itself).
 */
async function listOnlyChannelProducts(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
) {
  if (FeatureFlag.isFeatureEnabled("index_engine")) return next()
  const requested = (req.validatedQuery as { sales_channel_id?: string | string[] })
    .sales_channel_id
  const channels = requested
    ? [requested].flat()
    : (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids
  if (!channels?.length) return next()
  req.filterableFields.sales_channel_id = channels
  return channelFilter(req, res, next)
}

/**
 * A product search finds words without diacritics and in the sellers' English texts
 * (lib/product-search.ts): Medusa's `q` is replaced by the ids found, which the list's other
 * filters (sales channel, category, id) then narrow.
 */
async function searchFoldedText(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const q = req.filterableFields.q
  if (typeof q !== "string") return next()
  delete req.filterableFields.q
  const found = await findProductIdsByText(req.scope, q)
  const asked = req.filterableFields.id
  const allowed = asked === undefined ? null : new Set([asked].flat() as string[])
  req.filterableFields.id = allowed ? found.filter((id) => allowed.has(id)) : found
  return next()
}

export const storeRoutes: MiddlewareRoute[] = [
  // Without a method these run before Medusa's own validation of `fields`.
  {
    matcher: "/store/products*",
    middlewares: [expandLinkedStars, allowFields(LINKED.seller, LINKED.ocop_entry)],
  },
  // The address keeps its two-tier unit codes in metadata (docs/checkout.md), and a variant sold
  // by weight its rule, which checkout shows for the buyer to accept; Medusa's store cart routes
  // return neither unless allowed. The cart id is what grants access.
  {
    matcher: "/store/carts*",
    middlewares: [
      allowFields(
        "shipping_address.metadata",
        "billing_address.metadata",
        "items.variant.metadata",
      ),
    ],
  },
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    method: ["POST"],
    middlewares: [
      wrap(refuseUnconfirmedVietQr),
      wrap(refuseCashForDeposit),
      wrap(holdCardForWeighing),
    ],
  },
  {
    matcher: "/store/carts/:id/complete",
    method: ["POST"],
    middlewares: [wrap(recountRetriedCompletion), wrap(refuseUnacceptedWeighing)],
  },
  // With a method this runs after Medusa's middlewares for the route, just before the handler.
  {
    matcher: "/store/products",
    method: ["GET"],
    middlewares: [wrap(searchFoldedText), listOnlyChannelProducts],
  },
  // Bank notifications are signed over their exact bytes.
  { matcher: "/webhooks/vietqr", method: ["POST"], bodyParser: { preserveRawBody: true } },
  {
    matcher: "/webhooks/traceability",
    method: ["POST"],
    bodyParser: { preserveRawBody: true, sizeLimit: "5mb" },
  },
]
