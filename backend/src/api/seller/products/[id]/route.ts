import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../../modules/seller"
import type SellerModuleService from "../../../../modules/seller/service"
import { updateSellerProductWorkflow } from "../../../../workflows/seller-products"
import { sellerAccess } from "../../../utils/access"
import { sellerActor } from "../../../utils/audit-actor"
import { parseInput } from "../../../utils/validate"
import { UpdateProduct } from "../../validators"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "../helpers"

interface UnitLookup {
  getCommune(
    code: string,
  ): Promise<{ name: string; province_code: string; province_name?: string } | null>
}

/**
 * One of the seller's products with the seller's public identity: the traceability service reads
 * this (with the caller's own token) to know a batch's product and producer.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  const context = await loadSellerContext(req.scope, access)
  const seller = await req.scope
    .resolve<SellerModuleService>(SELLER_MODULE)
    .retrieveSeller(access.sellerId)
  const commune = await req.scope.resolve<UnitLookup>("adminUnit").getCommune(seller.commune_code)
  res.json({
    product: {
      ...reshapeProduct(product, context.location_id),
      seller: {
        id: seller.id,
        handle: seller.handle,
        name: seller.name,
        kind: seller.kind,
        address: seller.address,
        phone: seller.phone,
        commune_code: seller.commune_code,
        commune_name: commune?.name ?? null,
        province_code: seller.province_code,
        province_name: commune?.province_name ?? null,
        village_code: seller.village_code,
      },
    },
  })
}

/** Edits the product's texts, photos or categories. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(UpdateProduct, req.body)
  const access = sellerAccess(req)
  await loadOwnProduct(req.scope, access, req.params.id!)
  const { images, ...rest } = body
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
      },
    },
  })
  const context = await loadSellerContext(req.scope, access)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  res.json({ product: reshapeProduct(product, context.location_id) })
}
