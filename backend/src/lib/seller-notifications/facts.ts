import type { MedusaContainer } from "@medusajs/framework/types"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"
import type { Notice } from "./enqueue"
import { formatDateVi, formatVnd } from "./messages"

const nameOf = async (container: MedusaContainer, ids: string[]) => {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const rows = ids.length
    ? await sellers.listSellers({ id: [...new Set(ids)] }, { select: ["id", "name"] })
    : []
  return new Map(rows.map((s) => [s.id, s.name]))
}

/** A part that exists is a new order to its seller; a captured part's payment is confirmed. */
export async function orderPartNotices(
  container: MedusaContainer,
  ids: string[],
  now = new Date(),
) {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const parts = ids.length ? await checkout.listOrderParts({ id: ids }) : []
  const names = await nameOf(
    container,
    parts.map((p) => p.seller_id),
  )
  // A fact older than a day is not news: a part placed before notices existed, changed now,
  // tells nothing.
  const fresh = (at: Date | string | null | undefined) =>
    !!at && now.getTime() - new Date(at).getTime() < 86_400_000
  return parts.flatMap((part): Notice[] => {
    const params = {
      order: part.reference,
      amount: formatVnd(Number(part.amount)),
      seller: names.get(part.seller_id) ?? "",
    }
    const notices: Notice[] = []
    if (fresh(part.created_at)) {
      notices.push({
        seller_id: part.seller_id,
        template: "new_order",
        dedupe_key: `new_order:${part.id}`,
        params,
      })
    }
    // A card is charged at checkout: the new-order notice says it all.
    if (
      part.payment_status === "captured" &&
      part.payment_method !== "card" &&
      fresh(part.captured_at)
    ) {
      notices.push({
        seller_id: part.seller_id,
        template: "payment_confirmed",
        dedupe_key: `payment_confirmed:${part.id}`,
        params,
      })
    }
    return notices
  })
}

/** An approval or a suspension, told once per change (with the officer's reason). */
export async function sellerStateNotices(container: MedusaContainer, sellerId: string) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const [seller] = await sellers.listSellers({ id: sellerId })
  if (!seller || (seller.state !== "approved" && seller.state !== "suspended")) return []
  const at = seller.state_changed_at ? new Date(seller.state_changed_at).toISOString() : "unknown"
  return [
    {
      seller_id: seller.id,
      template: seller.state === "approved" ? "seller_approved" : "seller_suspended",
      dedupe_key: `seller_state:${seller.state}:${at}`,
      params: { seller: seller.name, reason: seller.state_reason ?? "" },
    } satisfies Notice,
  ]
}

/** The traceability service's "stamps.issued" events: a stamp job is done. */
export async function stampNotices(
  container: MedusaContainer,
  events: { id: string; type: string; seller_id: string; product_id: string; count: number }[],
) {
  const issued = events.filter((e) => e.type === "stamps.issued" && e.count > 0)
  if (!issued.length) return []
  const known = await nameOf(
    container,
    issued.map((e) => e.seller_id),
  )
  const query = container.resolve("query")
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "title"],
    filters: { id: issued.map((e) => e.product_id) },
  })
  const title = new Map(products.map((p: { id: string; title: string }) => [p.id, p.title]))
  return issued
    .filter((e) => known.has(e.seller_id))
    .map(
      (e): Notice => ({
        seller_id: e.seller_id,
        template: "stamps_done",
        dedupe_key: `stamps_done:${e.id}`,
        params: {
          count: new Intl.NumberFormat("vi-VN").format(e.count),
          product: title.get(e.product_id) ?? "sản phẩm",
        },
      }),
    )
}

/** Registry entries that expire within `days` (and not yet): told once per entry and expiry date. */
export async function ocopExpiryNotices(container: MedusaContainer, now = new Date(), days = 30) {
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const entries = await communes.listOcopEntries({
    expires_on: { $gt: now, $lte: new Date(now.getTime() + days * 86_400_000) },
  })
  return entries.map(
    (entry): Notice => ({
      seller_id: entry.seller_id,
      template: "ocop_expiring",
      dedupe_key: `ocop_expiring:${entry.id}:${new Date(entry.expires_on).toISOString().slice(0, 10)}`,
      params: {
        product: entry.product_name,
        certificate: entry.certificate_number,
        expires_on: formatDateVi(new Date(entry.expires_on)),
      },
    }),
  )
}
