/**
 * Facts from the sources: what each registry entry, seller, listing and order part contributes to
 * the indicators right now. Each function reads its subjects in a constant number of queries.
 */

import type { CashlessReason } from "@coop/contracts/indicators"
import { quarterOf } from "@coop/contracts/quarters"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"
import type { Fact } from "../../modules/indicators/sql"
import { dateOnlyToStored, vietnamToday } from "../dates"
import { listingStates } from "../ocop-online"
import { rowsOf } from "../query-rows"
import { NOW } from "./codes"

interface SellerRow {
  id: string
  kind: string
  state: string
  commune_code: string
  province_code: string
  products?: ({ id: string } | null)[] | null
}

const fact = (f: Omit<Fact, "ref_id" | "dimension"> & Partial<Fact>): Fact => ({
  dimension: "",
  ref_id: null,
  ...f,
})

/** Sellers by id, with their products' ids only when asked (listings need them, orders do not). */
async function sellersById(
  container: MedusaContainer,
  ids: string[] | "all",
  { withProducts = true } = {},
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rows = rowsOf<SellerRow>(
    await query.graph({
      entity: "seller",
      fields: [
        "id",
        "kind",
        "state",
        "commune_code",
        "province_code",
        ...(withProducts ? ["products.id"] : []),
      ],
      ...(ids === "all" ? {} : { filters: { id: ids } }),
    }),
  )
  return new Map(rows.map((s) => [s.id, s]))
}

/** Listings (TRACEABLE) and their sellers' SELLERS_ONLINE, for the given sellers' products. */
export async function sellerAndListingFacts(
  container: MedusaContainer,
  sellerIds: string[] | "all",
): Promise<Fact[]> {
  const sellers = await sellersById(container, sellerIds)
  const productIds = [...sellers.values()].flatMap((s) =>
    (s.products ?? []).flatMap((p) => (p ? [p.id] : [])),
  )
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const [states, stamped] = await Promise.all([
    listingStates(container, productIds),
    indicators.stampedProducts(productIds),
  ])
  const facts: Fact[] = []
  for (const seller of sellers.values()) {
    const approved = seller.state === "approved"
    const where = { commune_code: seller.commune_code, province_code: seller.province_code }
    let online = false
    for (const p of seller.products ?? []) {
      if (!p) continue
      const live = approved && !!states.get(p.id)?.online
      online ||= live
      facts.push(
        fact({
          code: "TRACEABLE",
          subject_type: "product",
          subject_id: p.id,
          ref_id: seller.id,
          period: NOW,
          ...where,
          numerator: live && stamped.has(p.id) ? 1 : 0,
          denominator: live ? 1 : 0,
        }),
      )
    }
    facts.push(
      fact({
        code: "SELLERS_ONLINE",
        dimension: seller.kind,
        subject_type: "seller",
        subject_id: seller.id,
        period: NOW,
        ...where,
        numerator: online ? 1 : 0,
        denominator: approved ? 1 : 0,
      }),
    )
  }
  return facts
}

/** OCOP_ONLINE: valid (unexpired, not removed) entries, and those whose listing is live. */
export async function registryFacts(
  container: MedusaContainer,
  entryIds: string[] | "all",
): Promise<Fact[]> {
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const entries = await communes.listOcopEntries(entryIds === "all" ? {} : { id: entryIds }, {
    withDeleted: entryIds !== "all",
  })
  if (!entries.length) return []
  const sellers = await sellersById(container, [...new Set(entries.map((e) => e.seller_id))], {
    withProducts: false,
  })
  const states = await listingStates(
    container,
    entries.flatMap((e) => (e.product_id ? [e.product_id] : [])),
  )
  const today = dateOnlyToStored(vietnamToday())
  return entries.map((entry) => {
    const seller = sellers.get(entry.seller_id)
    const valid = !entry.deleted_at && new Date(entry.expires_on) >= today
    const live =
      !!entry.product_id && seller?.state === "approved" && !!states.get(entry.product_id)?.online
    return fact({
      code: "OCOP_ONLINE",
      subject_type: "ocop_entry",
      subject_id: entry.id,
      ref_id: entry.product_id ?? null,
      commune_code: entry.commune_code,
      province_code: seller?.province_code ?? "",
      period: NOW,
      numerator: valid && live ? 1 : 0,
      denominator: valid ? 1 : 0,
    })
  })
}

type Part = Awaited<ReturnType<CheckoutModuleService["listOrderParts"]>>[number]

/**
 * Why an order part does or does not count as cashless, the one rule CASHLESS follows: paid
 * (captured) by VietQR or card counts; paid in cash or by other means is paid but not cashless;
 * a payment still awaited, canceled or refunded is not paid; a canceled order is not counted.
 */
export type { CashlessReason }

export const CASHLESS_REASONS: CashlessReason[] = ["vietqr_paid", "card_paid"]
export const PAID_REASONS: CashlessReason[] = [
  ...CASHLESS_REASONS,
  "cash_on_delivery",
  "other_method",
]

export function cashlessReason(
  part: Pick<Part, "status" | "deleted_at" | "payment_status" | "payment_method">,
): CashlessReason {
  if (part.status === "canceled" || part.deleted_at) return "order_canceled"
  if (part.payment_status === "awaiting") return "awaiting_payment"
  if (part.payment_status === "canceled") return "payment_canceled"
  if (part.payment_status === "refunded") return "payment_refunded"
  if (part.payment_method === "vietqr") return "vietqr_paid"
  if (part.payment_method === "card") return "card_paid"
  if (part.payment_method === "cod") return "cash_on_delivery"
  return "other_method"
}

/** ORDERS, GMV and CASHLESS (count and value) of order parts, in the quarter they were placed. */
export function orderPartFacts(parts: Part[], provinceOf: Map<string, string>): Fact[] {
  return parts.flatMap((part) => {
    const where = {
      subject_type: "order_part",
      subject_id: part.id,
      ref_id: part.part_order_id,
      commune_code: part.commune_code,
      province_code: provinceOf.get(part.seller_id) ?? "",
      period: quarterOf(part.created_at as Date),
      // An order part counts from when it was placed, even when its fact is written later.
      since: part.created_at as Date,
    }
    const amount = Number(part.amount)
    const reason = cashlessReason(part)
    const counted = reason !== "order_canceled"
    const paid = PAID_REASONS.includes(reason)
    const cashless = CASHLESS_REASONS.includes(reason)
    return [
      fact({ code: "ORDERS", ...where, numerator: counted ? 1 : 0, denominator: 0 }),
      fact({ code: "GMV", ...where, numerator: counted ? amount : 0, denominator: 0 }),
      fact({ code: "CASHLESS", ...where, numerator: cashless ? 1 : 0, denominator: paid ? 1 : 0 }),
      fact({
        code: "CASHLESS_VALUE",
        ...where,
        numerator: cashless ? amount : 0,
        denominator: paid ? amount : 0,
      }),
    ]
  })
}

/** Order parts' facts for the given parts. */
export async function loadOrderPartFacts(container: MedusaContainer, ids: string[]) {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const parts = await checkout.listOrderParts({ id: ids }, { withDeleted: true })
  return factsOfParts(container, parts)
}

/**
 * Every order part's facts, a page at a time in id order (keyset paging: each page costs the
 * same however deep it is), for a reconciliation of the whole country.
 */
export async function* allOrderPartFacts(container: MedusaContainer, pageSize = 5000) {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  let after: string | null = null
  for (;;) {
    const parts: Part[] = await checkout.listOrderParts(after ? { id: { $gt: after } } : {}, {
      take: pageSize,
      order: { id: "ASC" },
    })
    if (!parts.length) return
    yield await factsOfParts(container, parts)
    if (parts.length < pageSize) return
    after = parts[parts.length - 1]!.id
  }
}

async function factsOfParts(container: MedusaContainer, parts: Part[]) {
  if (!parts.length) return []
  const sellers = await sellersById(container, [...new Set(parts.map((p) => p.seller_id))], {
    withProducts: false,
  })
  const provinceOf = new Map([...sellers.values()].map((s) => [s.id, s.province_code]))
  return orderPartFacts(parts, provinceOf)
}
