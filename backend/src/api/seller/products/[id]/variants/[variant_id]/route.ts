import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimatedUnitPrice, soldByWeightOf } from "../../../../../../lib/sold-by-weight"
import { updateSellerVariantWorkflow } from "../../../../../../workflows/seller-products"
import { sellerAccess } from "../../../../../utils/access"
import { sellerActor } from "../../../../../utils/audit-actor"
import { badRequest, notFound } from "../../../../../utils/errors"
import { parseInput } from "../../../../../utils/validate"
import { UpdateVariant } from "../../../../validators"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "../../../helpers"

type VariantRow = { id: string; metadata?: Record<string, unknown> | null; prices?: Price[] }
type Price = { amount: number; currency_code: string }

/**
 * Renames a variant, changes its price (whole dong) or its per-kg rule. A variant sold by weight
 * keeps its price at one unit's estimated weight: a price or a rule that breaks this is a 400.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { sold_by_weight: rule, ...update } = parseInput(UpdateVariant, req.body)
  const access = sellerAccess(req)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  const variant = (product.variants as VariantRow[] | undefined)?.find(
    (v) => v.id === req.params.variant_id,
  )
  if (!variant) {
    throw notFound({ vi: "Không tìm thấy quy cách sản phẩm", en: "Variant not found" })
  }
  const current = variant.prices?.find((p) => p.currency_code === "vnd")?.amount
  const byWeight = rule ?? soldByWeightOf(variant.metadata)
  const price = update.price ?? current
  if (byWeight && (rule || update.price !== undefined) && price !== estimatedUnitPrice(byWeight)) {
    const expected = estimatedUnitPrice(byWeight)
    throw badRequest("price", {
      vi: `"price": hàng bán theo cân có giá một đơn vị theo cân nặng ước tính: ${expected} ₫`,
      en: `"price": produce sold by weight costs one unit at its estimated weight: ${expected} VND`,
    })
  }
  await updateSellerVariantWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
      product_id: product.id,
      variant_id: req.params.variant_id!,
      update: rule
        ? {
            ...update,
            metadata: { ...(variant.metadata ?? {}), sold_by_weight: rule },
            weight: rule.grams,
          }
        : update,
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
