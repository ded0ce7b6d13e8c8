import { vnd } from "./cart-reshape"
import type { Order, OrderPart } from "./cart-types"
import { medusa } from "./client"
import { callStore, findInStore } from "./errors"
import { customerHeaders } from "./session"

// biome-ignore lint/suspicious/noExplicitAny: the backend's own routes are untyped JSON
type Json = Record<string, any>

const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null)

export function reshapeOrderPart(part: Json): OrderPart {
  const currency = part.currency_code ?? "vnd"
  const qr = part.vietqr as Json | null
  return {
    id: String(part.id),
    reference: String(part.reference),
    status: String(part.status),
    amount: vnd(part.amount, currency),
    payment: {
      method: String(part.payment?.method ?? ""),
      status: String(part.payment?.status ?? ""),
      capturedAt: date(part.payment?.captured_at),
    },
    shippedAt: date(part.shipped_at),
    deliveredAt: date(part.delivered_at),
    canceledAt: date(part.canceled_at),
    seller: {
      handle: part.seller?.handle ?? null,
      name: String(part.seller?.name ?? ""),
      phone: part.seller?.phone ?? null,
    },
    items: (part.items ?? []).map((item: Json) => ({
      id: String(item.id),
      title: String(item.title),
      quantity: Number(item.quantity),
      total: vnd(item.total, currency),
    })),
    shipping: part.shipping
      ? {
          code: part.shipping.code ?? null,
          name: String(part.shipping.name ?? ""),
          amount: vnd(part.shipping.amount, currency),
        }
      : null,
    weighing:
      part.weighing && part.weighing.status !== "none"
        ? {
            status: String(part.weighing.status),
            estimated: vnd(part.weighing.estimated_amount, currency),
          }
        : null,
    vietqr: qr
      ? {
          svg: String(qr.svg),
          bankName: qr.bank_name ?? null,
          accountNumber: String(qr.account_number),
          accountName: qr.account_name ?? null,
          amount: vnd(qr.amount, currency),
          reference: String(qr.reference),
          purpose: qr.purpose ?? null,
        }
      : null,
    deposit: part.deposit
      ? {
          amount: vnd(part.deposit.amount, currency),
          status: String(part.deposit.status ?? ""),
          rest: vnd(part.deposit.rest, currency),
          harvested: Boolean(part.deposit.harvested),
        }
      : null,
    preorderNote:
      part.preorder_note && typeof part.preorder_note.vi === "string"
        ? { vi: String(part.preorder_note.vi), en: String(part.preorder_note.en ?? "") }
        : null,
  }
}

export function reshapeOrder(body: Json): Order {
  const order = body.order as Json
  return {
    id: String(order.id),
    displayId: Number(order.display_id),
    status: String(order.status),
    total: vnd(order.total, order.currency_code ?? "vnd"),
    createdAt: new Date(order.created_at),
    parts: (body.parts as Json[]).map(reshapeOrderPart),
  }
}

/** A buyer's order with its seller parts (payment state moves, so never cached); null if unknown. */
export async function getOrder(id: string): Promise<Order | null> {
  if (!/^order_[0-9A-Za-z]+$/.test(id)) return null
  const body = await findInStore(`get order ${id}`, () =>
    medusa().client.fetch<Json>(`/store/orders/${id}/parts`, { cache: "no-store" }),
  )
  return body ? reshapeOrder(body) : null
}

/** The signed-in buyer's orders, newest first, each with its parts. */
export async function listCustomerOrders(
  limit = 10,
  offset = 0,
): Promise<{ orders: Order[]; count: number }> {
  const headers = await customerHeaders()
  const { orders, count } = await callStore("list customer orders", () =>
    medusa().store.order.list({ limit, offset, order: "-created_at", fields: "id" }, headers),
  )
  const full = await Promise.all(orders.map((o) => getOrder(o.id)))
  return { orders: full.filter((o): o is Order => o !== null), count }
}
