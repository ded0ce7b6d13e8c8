import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSellerVariantWorkflow } from "../../../../../../workflows/seller-products"
import { sellerAccess } from "../../../../../utils/access"
import { sellerActor } from "../../../../../utils/audit-actor"
import { notFound } from "../../../../../utils/errors"
import { parseInput } from "../../../../../utils/validate"
import { UpdateVariant } from "../../../../validators"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "../../../helpers"

/** Renames a variant or changes its price (whole dong). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const update = parseInput(UpdateVariant, req.body)
  const access = sellerAccess(req)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  if (!product.variants?.some((v: { id: string }) => v.id === req.params.variant_id)) {
    throw notFound({ vi: "Không tìm thấy quy cách sản phẩm", en: "Variant not found" })
  }
  await updateSellerVariantWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
      product_id: product.id,
      variant_id: req.params.variant_id!,
      update,
    },
  })
  const context = await loadSellerContext(req.scope, access)
  res.json({
    product: reshapeProduct(
      await loadOwnProduct(req.scope, access, product.id),
      context.location_id,
    ),
  })
}
