import type { CountedOrder } from "@coop/contracts/indicators"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { cashlessReason } from "./derive"

export type { CountedOrder }

/** The names and facts that let an officer check one counted subject. */
export interface SubjectDetails {
  label: string | null
  /** The seller behind a listing or an order part (a seller subject is its own label). */
  seller: { id: string; name: string | null } | null
  order: CountedOrder | null
}

type Subject = { subject_type: string; subject_id: string; ref_id: string | null }

/**
 * Names and details for counted subjects: registry entries, sellers, listings (with their
 * seller, the fact's ref_id) and order parts (with date, value, seller and payment). Five
 * queries whatever the number of subjects.
 */
export async function describeSubjects(
  container: MedusaContainer,
  facts: Subject[],
): Promise<Map<string, SubjectDetails>> {
  const ids = (type: string) =>
    facts.filter((f) => f.subject_type === type).map((f) => f.subject_id)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [entries, products, parts] = await Promise.all([
    ids("ocop_entry").length
      ? container
          .resolve<CommuneModuleService>(COMMUNE_MODULE)
          .listOcopEntries({ id: ids("ocop_entry") }, { withDeleted: true })
      : [],
    ids("product").length
      ? query
          .graph({ entity: "product", fields: ["id", "title"], filters: { id: ids("product") } })
          .then((r) => r.data as { id: string; title: string }[])
      : [],
    ids("order_part").length
      ? container
          .resolve<CheckoutModuleService>(CHECKOUT_MODULE)
          .listOrderParts({ id: ids("order_part") }, { withDeleted: true })
      : [],
  ])
  const listingSeller = new Map(
    facts.flatMap((f) =>
      f.subject_type === "product" && f.ref_id ? [[f.subject_id, f.ref_id]] : [],
    ),
  )
  const sellerIds = [
    ...new Set([
      ...ids("seller"),
      ...listingSeller.values(),
      ...parts.map((p) => p.seller_id),
      ...entries.map((e) => e.seller_id),
    ]),
  ]
  const sellers = sellerIds.length
    ? await query
        .graph({ entity: "seller", fields: ["id", "name"], filters: { id: sellerIds } })
        .then((r) => new Map((r.data as { id: string; name: string }[]).map((s) => [s.id, s.name])))
    : new Map<string, string>()
  const sellerOf = (id: string | null | undefined) =>
    id ? { id, name: sellers.get(id) ?? null } : null

  const details = new Map<string, SubjectDetails>()
  const none = { seller: null, order: null }
  for (const e of entries) {
    details.set(e.id, {
      label: `${e.product_name} (${e.certificate_number})`,
      seller: sellerOf(e.seller_id),
      order: null,
    })
  }
  for (const id of ids("seller")) details.set(id, { label: sellers.get(id) ?? null, ...none })
  for (const p of products) {
    details.set(p.id, { label: p.title, seller: sellerOf(listingSeller.get(p.id)), order: null })
  }
  for (const p of parts) {
    details.set(p.id, {
      label: p.reference,
      seller: sellerOf(p.seller_id),
      order: {
        reference: p.reference,
        placed_at: new Date(p.created_at as Date).toISOString(),
        amount: Number(p.amount),
        payment_method: p.payment_method,
        payment_status: p.payment_status,
        status: p.status,
        cashless_reason: cashlessReason(p),
      },
    })
  }
  return details
}
