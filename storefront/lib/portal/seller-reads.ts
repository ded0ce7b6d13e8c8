import type { Locale } from "@/i18n/routing"
import { backend } from "./api"
import { PAGE_SIZE } from "./paging"
import type { SellerOrder } from "./seller-orders"
import type { SellerProduct } from "./seller-products"
import {
  AUDIT_PAGE_SIZE,
  type AuditEntry,
  type HelperGrant,
  type Invite,
  type Member,
} from "./seller-team"

// Every read the seller portal's pages make, as the signed-in member or helper (never cached).

export function listSellerProducts(locale: Locale, page: number) {
  const offset = (page - 1) * PAGE_SIZE
  return backend<{ products: SellerProduct[]; count: number }>(
    `/seller/products?limit=${PAGE_SIZE}&offset=${offset}`,
    { locale },
  )
}

export function getSellerProduct(locale: Locale, id: string) {
  return backend<{ product: SellerProduct }>(`/seller/products/${encodeURIComponent(id)}`, {
    locale,
  })
}

/** A page of the seller's orders, newest first; `placed` keeps only the new ones still to send. */
export function listSellerOrders(locale: Locale, page: number, only?: "placed") {
  const offset = (page - 1) * PAGE_SIZE
  return backend<{ orders: SellerOrder[]; count: number }>(
    `/seller/orders?limit=${PAGE_SIZE}&offset=${offset}${only ? `&status=${only}` : ""}`,
    { locale },
  )
}

/** How many new orders wait to be sent (the dashboard's count); null when it cannot be read. */
export async function countNewOrders(locale: Locale): Promise<number | null> {
  const read = await backend<{ count: number }>("/seller/orders?status=placed&limit=1", { locale })
  return read.ok ? read.data.count : null
}

export function getSellerOrder(locale: Locale, id: string) {
  return backend<{ order: SellerOrder }>(`/seller/orders/${encodeURIComponent(id)}`, { locale })
}

export function listMembers(locale: Locale) {
  return backend<{ members: Member[]; invites: Invite[] }>("/seller/members", { locale })
}

export function listHelpers(locale: Locale) {
  return backend<{ helpers: HelperGrant[] }>("/seller/helpers", { locale })
}

export function listAudit(locale: Locale, page: number) {
  const offset = (page - 1) * AUDIT_PAGE_SIZE
  return backend<{ entries: AuditEntry[]; count: number }>(
    `/seller/audit-log?limit=${AUDIT_PAGE_SIZE}&offset=${offset}`,
    { locale },
  )
}
