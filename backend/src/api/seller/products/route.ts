import { toHandle } from "@coop/contracts/text"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_VAT_RATE } from "../../../lib/einvoice/invoice"
import { gtinTakenByOtherSeller } from "../../../lib/gtin-ownership"
import { withEnglishTexts } from "../../../lib/product-i18n"
import { firstRowOf, rowsOf } from "../../../lib/query-rows"
import { estimatedUnitPrice } from "../../../lib/sold-by-weight"
import SellerProductLink from "../../../links/seller-product"
import { createSellerProductWorkflow } from "../../../workflows/seller-products"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { badRequest, conflict } from "../../utils/errors"
import { parseInput } from "../../utils/validate"
import { CreateProduct, Pagination } from "../validators"
import { loadSellerContext, PRODUCT_FIELDS, reshapeProduct, type SellerProductRow } from "./helpers"

const OPTION = "Quy cách"

/** The seller's products, newest first, with price and stock at its location. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = parseInput(Pagination, req.query)
  const access = sellerAccess(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: SellerProductLink.entryPoint,
    fields: ["product_id"],
    filters: { seller_id: access.sellerId },
  })
  const ids = links.map((l: { product_id: string }) => l.product_id)
  const context = await loadSellerContext(req.scope, access)
  if (!ids.length) {
    res.json({ products: [], count: 0, limit, offset })
    return
  }
  const { data, metadata } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: ids },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({
    products: rowsOf<SellerProductRow>({ data }).map((p) => reshapeProduct(p, context.location_id)),
    count: metadata?.count ?? ids.length,
    limit,
    offset,
  })
}

/** Lists a new product (a draft until published) with its variants, VND prices and stock. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(CreateProduct, req.body)
  const access = sellerAccess(req)
  const context = await loadSellerContext(req.scope, access)
  const handle = body.handle ?? toHandle(body.title)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: same } = await query.graph({
    entity: "product",
    fields: ["id"],
    filters: { handle },
  })
  if (same.length) {
    throw conflict(
      { vi: `Đường dẫn "${handle}" đã được dùng`, en: `The handle "${handle}" is taken` },
      "handle",
    )
  }
  const gtin = await gtinTakenByOtherSeller(
    req.scope,
    access.sellerId,
    body.variants.map((v) => v.ean),
  )
  if (gtin) {
    throw conflict(
      {
        vi: `Mã vạch ${gtin.code} đã thuộc về sản phẩm của người bán khác: mỗi mã GTIN chỉ thuộc một người bán`,
        en: `The barcode ${gtin.code} already belongs to another seller's product: a GTIN belongs to one seller`,
      },
      `variants.${gtin.index}.ean`,
    )
  }
  body.variants.forEach((v, index) => {
    if (v.sold_by_weight && v.price !== estimatedUnitPrice(v.sold_by_weight)) {
      const expected = estimatedUnitPrice(v.sold_by_weight)
      throw badRequest(`variants.${index}.price`, {
        vi: `"variants.${index}.price": hàng bán theo cân có giá một đơn vị theo cân nặng ước tính: ${expected} ₫`,
        en: `"variants.${index}.price": produce sold by weight costs one unit at its estimated weight: ${expected} VND`,
      })
    }
  })
  const titles = body.variants.map((v) => v.title)
  if (new Set(titles).size !== titles.length) {
    throw conflict(
      { vi: "Tên các quy cách phải khác nhau", en: "Variant titles must differ" },
      "variants",
    )
  }
  const { result } = await createSellerProductWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
      location_id: context.location_id!,
      stock: body.variants.map((v) => v.stock ?? 0),
      product: {
        title: body.title,
        handle,
        subtitle: body.subtitle,
        description: body.description,
        status: "draft",
        thumbnail: body.images?.[0],
        images: body.images?.map((url) => ({ url })),
        category_ids: body.category_ids,
        // The seller's own profile: its shipping options ship this product.
        shipping_profile_id: context.shipping_profile_id ?? undefined,
        // The store shows a seller's products only while the seller is approved.
        sales_channels: context.state === "approved" ? [{ id: context.channel_id }] : [],
        options: [{ title: OPTION, values: titles }],
        metadata: withEnglishTexts(
          {
            seller_handle: context.handle,
            seller_name: context.name,
            // On its invoices (src/lib/einvoice): not subject to VAT unless the seller says so.
            vat_rate: body.vat_rate ?? DEFAULT_VAT_RATE,
            ...(body.invoice_unit ? { invoice_unit: body.invoice_unit } : {}),
          },
          body.en ?? {},
        ),
        variants: body.variants.map((v) => ({
          title: v.title,
          sku: v.sku,
          ean: v.ean,
          weight: v.sold_by_weight ? v.sold_by_weight.grams : v.weight,
          manage_inventory: true,
          ...(v.sold_by_weight ? { metadata: { sold_by_weight: v.sold_by_weight } } : {}),
          options: { [OPTION]: v.title },
          prices: [{ currency_code: "vnd", amount: v.price }],
        })),
      },
    },
  })
  const product = firstRowOf<SellerProductRow>(
    await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: result.id } }),
  )
  res.status(201).json({ product: reshapeProduct(product!, context.location_id) })
}
