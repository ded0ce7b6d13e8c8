import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadAreaNames } from "../../../lib/area-names"
import { rowsOf } from "../../../lib/query-rows"
import {
  PRODUCT_SUMMARY_FIELDS,
  PUBLIC_SELLER_FIELDS,
  publicSeller,
} from "../../../lib/seller-views"
import { parseInput } from "../../utils/validate"
import { ListStoreSellers } from "../validators"

type Row = Parameters<typeof publicSeller>[0]

/** Approved sellers' public profiles, by name, with how many products a buyer can see. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = parseInput(ListStoreSellers, req.query)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "seller",
    fields: [...PUBLIC_SELLER_FIELDS, ...PRODUCT_SUMMARY_FIELDS],
    filters: {
      state: "approved",
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    },
    pagination: { skip: offset, take: limit, order: { name: "ASC", id: "ASC" } },
  })
  const rows = rowsOf<Row>({ data })
  const names = await loadAreaNames(req.scope, rows)
  const channels = req.publishable_key_context.sales_channel_ids
  res.json({
    sellers: rows.map((row) => publicSeller(row, names, channels)),
    count: metadata?.count ?? rows.length,
    limit,
    offset,
  })
}
