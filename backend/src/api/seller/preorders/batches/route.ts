import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { plannedBatches } from "../../../../lib/traceability-batches"
import { badRequest, notFound } from "../../../utils/errors"
import { preorderScope } from "../scope"

/**
 * The seller's batches of one product that a pre-order can be opened on (open, no harvest event
 * yet), from the traceability service: what the portal's pre-order form offers to pick.
 * `?product_id=` is required; another seller's product is a 404.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { seller_id } = preorderScope(req)
  const productId = req.query.product_id
  if (typeof productId !== "string" || !productId || productId.length > 100) {
    throw badRequest("product_id", {
      vi: 'Thiếu trường bắt buộc "product_id"',
      en: '"product_id" is required',
    })
  }
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "seller.id"],
    filters: { id: productId },
  })
  if ((data[0] as { seller?: { id?: string } } | undefined)?.seller?.id !== seller_id) {
    throw notFound({ vi: "Không tìm thấy sản phẩm", en: "Product not found" })
  }
  res.json({ batches: await plannedBatches(req.scope, { seller_id, product_id: productId }) })
}
