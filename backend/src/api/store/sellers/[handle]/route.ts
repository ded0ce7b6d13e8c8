import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import { loadAreaNames } from "../../../../lib/area-names"
import { firstRowOf } from "../../../../lib/query-rows"
import {
  PRODUCT_SUMMARY_FIELDS,
  PUBLIC_SELLER_FIELDS,
  publicSeller,
  visibleProducts,
} from "../../../../lib/seller-views"
import { sellerNotFound } from "../../../utils/errors"
import { parseInput } from "../../../utils/validate"
import { BADGE_FIELDS } from "../../routes"
import { StoreSellerProducts } from "../../validators"

type Row = Parameters<typeof publicSeller>[0]

const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "handle",
  "thumbnail",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.currency_code",
  ...BADGE_FIELDS.map((f) => `ocop_entry.${f}`),
]

/**
 * An approved seller's public profile and the products a buyer can see, priced in dong (for the
 * region when region_id is given). Unknown, pending and suspended sellers are all a 404.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const { limit, offset, region_id } = parseInput(StoreSellerProducts, req.query)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const row = firstRowOf<Row>(
    await query.graph({
      entity: "seller",
      fields: [...PUBLIC_SELLER_FIELDS, ...PRODUCT_SUMMARY_FIELDS],
      filters: { handle: req.params.handle!, state: "approved" },
    }),
  )
  if (!row) throw sellerNotFound()
  const channels = req.publishable_key_context.sales_channel_ids
  const visible = visibleProducts(row.products, channels).map((p) => p.id)
  const [names, products] = await Promise.all([
    loadAreaNames(req.scope, [row]),
    visible.length
      ? query.graph({
          entity: "product",
          fields: PRODUCT_FIELDS,
          filters: { id: visible },
          pagination: { skip: offset, take: limit, order: { created_at: "ASC", id: "ASC" } },
          context: {
            variants: {
              calculated_price: QueryContext({
                currency_code: "vnd",
                ...(region_id ? { region_id } : {}),
              }),
            },
          },
        })
      : Promise.resolve({ data: [] }),
  ])
  res.json({
    seller: publicSeller(row, names, channels),
    products: products.data.map((p) => ({ ...p, ocop_entry: p.ocop_entry ?? null })),
    count: visible.length,
    limit,
    offset,
  })
}
