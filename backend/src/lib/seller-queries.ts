import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SELLER_MODULE } from "../modules/seller"
import type SellerModuleService from "../modules/seller/service"
import { reviewSellerChangesWorkflow } from "../workflows/review-seller-changes"
import { setSellerStateWorkflow } from "../workflows/set-seller-state"
import type { AuditActor } from "../workflows/steps/record-audit"
import { loadAreaNames } from "./area-names"
import { conflict, sellerNotFound } from "./errors"
import { firstRowOf, rowsOf } from "./query-rows"
import {
  approvedValues,
  isPayeeField,
  type PendingChanges,
  payeeOf,
  type ReviewableSeller,
} from "./seller-review"
import { OFFICER_SELLER_FIELDS, officerSeller, PRODUCT_SUMMARY_FIELDS } from "./seller-views"

// Shared by the commune portal (area-scoped) and the operator's admin API (unscoped).

type SellerRow = Parameters<typeof officerSeller>[0]

export interface SellerFilters {
  commune_code?: string
  province_code?: string
  state?: "pending" | "approved" | "suspended"
  q?: string
}

/**
 * A page of sellers with area names and product counts, in a constant number of queries. `q`
 * matches names and handles without regard to diacritics, inside the same area.
 */
export async function listSellersForOfficers(
  container: MedusaContainer,
  filters: SellerFilters,
  page: { limit: number; offset: number },
) {
  const { q, ...rest } = filters
  const where: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  )
  if (q) {
    const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
    const ids = await sellers.searchSellerIds(q, {
      commune_code: rest.commune_code,
      province_code: rest.province_code,
    })
    if (!ids.length) return { sellers: [], count: 0, limit: page.limit, offset: page.offset }
    where.id = ids
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "seller",
    fields: [...OFFICER_SELLER_FIELDS, ...PRODUCT_SUMMARY_FIELDS],
    filters: where,
    pagination: { skip: page.offset, take: page.limit, order: { created_at: "DESC" } },
  })
  const rows = rowsOf<SellerRow>({ data })
  const names = await loadAreaNames(container, rows)
  return {
    sellers: rows.map((row) => officerSeller(row, names)),
    count: metadata?.count ?? rows.length,
    limit: page.limit,
    offset: page.offset,
  }
}

/** One seller with its products listed, or null when none matches the filters. */
export async function sellerDetail(
  container: MedusaContainer,
  filters: { id: string } & SellerFilters,
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const row = firstRowOf<SellerRow>(
    await query.graph({
      entity: "seller",
      fields: [
        ...OFFICER_SELLER_FIELDS,
        ...PRODUCT_SUMMARY_FIELDS,
        "products.title",
        "products.handle",
        "products.thumbnail",
      ],
      filters,
    }),
  )
  if (!row) return null
  const names = await loadAreaNames(container, [row])
  const products = (row.products ?? []).flatMap((p) =>
    p
      ? [
          {
            id: p.id,
            title: (p as { title?: string }).title ?? null,
            handle: (p as { handle?: string }).handle ?? null,
            thumbnail: (p as { thumbnail?: string | null }).thumbnail ?? null,
            status: p.status ?? null,
          },
        ]
      : [],
  )
  return { ...officerSeller(row, names), products }
}

const STATE_TEXT = {
  approved: { vi: "đã được duyệt", en: "already approved" },
  suspended: { vi: "đang bị tạm ngưng", en: "already suspended" },
}

/**
 * Approves or suspends a seller inside an area (none for the operator) through the workflow that
 * also moves its products in or out of the store. A seller outside the area is a 404; asking for
 * the state it is already in is a 409 and writes nothing, not even an audit entry.
 */
export async function changeSellerState(
  container: MedusaContainer,
  input: {
    seller_id: string
    state: "approved" | "suspended"
    reason?: string | null
    actor: AuditActor
    area: Omit<SellerFilters, "state" | "q">
  },
) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const [seller] = await sellers.listSellers(
    { id: input.seller_id, ...input.area },
    { select: ["id", "state"] },
  )
  if (!seller) throw sellerNotFound()
  if (seller.state === input.state) {
    const text = STATE_TEXT[input.state]
    throw conflict({ vi: `Người bán ${text.vi}`, en: `The seller is ${text.en}` }, "state")
  }
  const { area: _area, ...change } = input
  await setSellerStateWorkflow(container).run({ input: change })
  return sellerDetail(container, { id: input.seller_id })
}

/** The e-mails of a seller's owners: told of every change to the reviewed fields. */
export async function ownerEmails(container: MedusaContainer, sellerId: string) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const owners = await sellers.listSellerMembers(
    { seller: { id: sellerId }, role: "owner" },
    { select: ["email"] },
  )
  return owners.map((o) => o.email)
}

/**
 * Approves or rejects the changes a seller's owner submitted for review, inside an area (none
 * for the operator). A seller outside the area is a 404; nothing pending is a 409 and writes
 * nothing.
 */
export async function reviewSellerChanges(
  container: MedusaContainer,
  input: {
    seller_id: string
    decision: "approve" | "reject"
    reason?: string | null
    actor: AuditActor
    area: Omit<SellerFilters, "state" | "q">
  },
) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const [seller] = await sellers.listSellers({ id: input.seller_id, ...input.area })
  if (!seller) throw sellerNotFound()
  const pending = (seller.pending_changes ?? null) as PendingChanges | null
  if (!pending || !Object.keys(pending).length) {
    throw conflict(
      {
        vi: "Người bán không có thay đổi nào đang chờ duyệt",
        en: "The seller has no changes awaiting review",
      },
      "pending_changes",
    )
  }
  const reviewer = `${input.actor.actor_type}:${input.actor.actor_id}`
  const values =
    input.decision === "approve"
      ? approvedValues(seller, reviewer, new Date())
      : { pending_changes: null, pending_changes_at: null, pending_changes_by: null }
  const live: Record<string, unknown> = { ...seller }
  await reviewSellerChangesWorkflow(container).run({
    input: {
      seller_id: seller.id,
      seller_name: seller.name,
      commune_code: seller.commune_code,
      decision: input.decision,
      reason: input.reason ?? null,
      pending,
      values,
      payee:
        input.decision === "approve" && Object.keys(pending).some(isPayeeField)
          ? payeeOf({ ...seller, ...values } as ReviewableSeller)
          : null,
      previous: Object.fromEntries(Object.keys(pending).map((k) => [k, live[k] ?? null])),
      owner_emails: await ownerEmails(container, seller.id),
      actor: input.actor,
    },
  })
  return sellerDetail(container, { id: seller.id })
}
