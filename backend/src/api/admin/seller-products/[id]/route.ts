import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { firstRowOf } from "../../../../lib/query-rows"
import {
  PRODUCT_FIELDS,
  reshapeProduct,
  type SellerProductRow,
} from "../../../seller/products/helpers"
import { notFound } from "../../../utils/errors"
import { sellerSnapshot } from "../../../utils/seller-snapshot"

/**
 * Any product with its seller's public identity, for operators: the same shape as
 * GET /seller/products/:id, which the traceability service reads when an operator creates a batch.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const product = firstRowOf<
    SellerProductRow & { seller: { id: string; stock_location: { id: string } | null } | null }
  >(
    await query.graph({
      entity: "product",
      fields: [...PRODUCT_FIELDS, "seller.stock_location.id"],
      filters: { id: req.params.id },
    }),
  )
  if (!product?.seller?.id) {
    throw notFound({ vi: "Không tìm thấy sản phẩm", en: "Product not found" })
  }
  res.json({
    product: {
      ...reshapeProduct(product, product.seller.stock_location?.id ?? null),
      seller: await sellerSnapshot(req.scope, product.seller.id),
    },
  })
}
