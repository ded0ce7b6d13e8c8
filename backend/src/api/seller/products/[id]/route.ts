import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withEnglishTexts } from "../../../../lib/product-i18n"
import { updateSellerProductWorkflow } from "../../../../workflows/seller-products"
import { sellerAccess } from "../../../utils/access"
import { sellerActor } from "../../../utils/audit-actor"
import { sellerSnapshot } from "../../../utils/seller-snapshot"
import { parseInput } from "../../../utils/validate"
import { UpdateProduct } from "../../validators"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "../helpers"

/**
 * One of the seller's products with the seller's public identity: the traceability service reads
 * this (with the caller's own token) to know a batch's product and producer.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  const context = await loadSellerContext(req.scope, access)
  res.json({
    product: {
      ...reshapeProduct(product, context.location_id),
      seller: await sellerSnapshot(req.scope, access.sellerId),
    },
  })
}

/** Edits the product's texts, photos, categories, or its VAT rate and unit on invoices. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(UpdateProduct, req.body)
  const access = sellerAccess(req)
  const own = await loadOwnProduct(req.scope, access, req.params.id!)
  const { images, en, vat_rate, invoice_unit, ...rest } = body
  const invoice = {
    ...(vat_rate ? { vat_rate } : {}),
    ...(invoice_unit ? { invoice_unit } : {}),
  }
  const metadata =
    en || Object.keys(invoice).length
      ? { ...(en ? withEnglishTexts(own.metadata, en) : own.metadata), ...invoice }
      : null
  await updateSellerProductWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
      product_id: req.params.id!,
      action: "product.update",
      update: {
        ...rest,
        ...(images ? { images: images.map((url) => ({ url })), thumbnail: images[0] ?? null } : {}),
        ...(metadata ? { metadata } : {}),
      },
    },
  })
  const context = await loadSellerContext(req.scope, access)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  res.json({ product: reshapeProduct(product, context.location_id) })
}
