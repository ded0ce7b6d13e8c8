import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateSellerProductWorkflow } from "../../../workflows/seller-products"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { ApiError } from "../../utils/errors"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "./helpers"

/** Publishes or withdraws a product; a suspended seller cannot publish. */
export function setStatus(status: "published" | "draft") {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const access = sellerAccess(req)
    await loadOwnProduct(req.scope, access, req.params.id!)
    if (status === "published" && access.sellerState === "suspended") {
      throw new ApiError(403, {
        vi: "Người bán đang bị tạm ngừng, không thể đăng bán",
        en: "A suspended seller cannot publish products",
      })
    }
    await updateSellerProductWorkflow(req.scope).run({
      input: {
        seller_id: access.sellerId,
        commune_code: access.communeCode,
        actor: sellerActor(access),
        product_id: req.params.id!,
        action: status === "published" ? "product.publish" : "product.unpublish",
        update: { status },
      },
    })
    const context = await loadSellerContext(req.scope, access)
    const product = await loadOwnProduct(req.scope, access, req.params.id!)
    res.json({ product: reshapeProduct(product, context.location_id) })
  }
}
