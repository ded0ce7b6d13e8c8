import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { vietQrForPart } from "../modules/vietqr/part"
import { harvestedPartOrders, paymentDue, purposeOf } from "./preorder-deposit"
import { rowsOf } from "./query-rows"
import type { payeeOf } from "./seller-review"

/** The payee a part records for a bank transfer, as split-order copies it from the seller. */
type Payee = ReturnType<typeof payeeOf>

const PART_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "email",
  "total",
  "shipping_address.*",
  "items.id",
  "items.title",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.metadata",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_methods.data",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "seller.id",
  "seller.handle",
  "seller.name",
  "seller.phone",
  "seller.commune_code",
]

/** A part's order as PART_ORDER_FIELDS select it; items and address are passed on as they are. */
interface PartOrderRow {
  id: string
  display_id: number
  status: string
  created_at: Date | string
  email: string | null
  total: unknown
  shipping_address: Record<string, unknown> | null
  items: {
    id: string
    title: string
    thumbnail: string | null
    quantity: unknown
    unit_price: unknown
    total: unknown
    metadata: Record<string, unknown> | null
  }[]
  shipping_methods: { name: string; amount: unknown; data: { code?: string } | null }[]
  fulfillments: {
    id: string
    shipped_at: Date | string | null
    delivered_at: Date | string | null
  }[]
  seller: {
    id: string
    handle: string
    name: string
    phone: string | null
    commune_code: string
  } | null
}

export type PartFilter = {
  order_id?: string
  part_order_id?: string | string[]
  seller_id?: string
}

type Part = Awaited<ReturnType<CheckoutModuleService["listOrderParts"]>>[number]

/**
 * Seller parts with their Medusa order (items, shipping, fulfilment) and seller, in two queries
 * whatever their number; `withQr` adds the VietQR to pay each part still awaiting a transfer.
 */
export async function loadOrderParts(
  container: MedusaContainer,
  filter: PartFilter,
  options: { withQr?: boolean } = {},
) {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const parts = await checkout.listOrderParts(filter, { order: { created_at: "ASC" } })
  return describeOrderParts(container, parts, options)
}

/** Parts as the APIs show them, in their given order; see loadOrderParts. */
export async function describeOrderParts(
  container: MedusaContainer,
  parts: Part[],
  options: { withQr?: boolean } = {},
) {
  if (!parts.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orders = rowsOf<PartOrderRow>(
    await query.graph({
      entity: "order",
      fields: PART_ORDER_FIELDS,
      filters: { id: parts.map((p) => p.part_order_id) },
    }),
  )
  const byId = new Map(orders.map((o) => [o.id, o]))
  // A deposit's rest is due once the part's pre-order is harvested.
  const harvested = await harvestedPartOrders(
    container,
    parts.filter((p) => p.deposit_amount != null).map((p) => p.part_order_id),
  )
  return Promise.all(
    parts.map(async (part) => {
      const order: Partial<PartOrderRow> = byId.get(part.part_order_id) ?? {}
      const payee = part.payee as Payee | null
      const bankBin = payee?.bank_bin
      const accountNumber = payee?.account_number
      const due = paymentDue(part, harvested.has(part.part_order_id))
      const payable =
        options.withQr &&
        part.payment_method === "vietqr" &&
        due.amount > 0 &&
        part.status !== "canceled" &&
        part.weighing !== "contact_buyer" &&
        bankBin &&
        accountNumber
      return {
        id: part.id,
        reference: part.reference,
        order_id: part.order_id,
        part_order_id: part.part_order_id,
        display_id: order.display_id,
        status: part.status,
        amount: Number(part.amount),
        currency_code: part.currency_code,
        // Produce sold by weight: the estimate at checkout, and where the weighing stands.
        weighing: {
          status: part.weighing,
          estimated_amount:
            part.estimated_amount == null ? Number(part.amount) : Number(part.estimated_amount),
          weighed_at: part.weighed_at,
          topup:
            part.topup_status == null
              ? null
              : { amount: Number(part.topup_amount), status: part.topup_status },
        },
        payment: {
          method: part.payment_method,
          status: part.payment_status,
          captured_at: part.captured_at,
          refunded_amount: Number(part.refunded_amount),
          // What the buyer has to transfer now (0: nothing now), and for what.
          due: due.amount,
          due_for: due.kind,
        },
        // A pre-order's deposit (VietQR): asked first, the rest after the harvest.
        deposit:
          part.deposit_amount == null
            ? null
            : {
                amount: Number(part.deposit_amount),
                status: part.deposit_status,
                rest: Math.max(0, Number(part.amount) - Number(part.deposit_amount)),
                harvested: harvested.has(part.part_order_id),
              },
        shipped_at: part.shipped_at,
        delivered_at: part.delivered_at,
        canceled_at: part.canceled_at,
        seller: order.seller ?? { id: part.seller_id },
        items: order.items ?? [],
        shipping: order.shipping_methods?.[0]
          ? {
              name: order.shipping_methods[0].name,
              code: order.shipping_methods[0].data?.code ?? null,
              amount: Number(order.shipping_methods[0].amount),
            }
          : null,
        shipping_address: order.shipping_address ?? null,
        vietqr: payable
          ? await vietQrForPart({
              bankBin,
              accountNumber,
              accountName: payee?.account_name,
              amount: due.amount,
              reference: part.reference,
              purpose: purposeOf(due.kind),
            })
          : null,
      }
    }),
  )
}
