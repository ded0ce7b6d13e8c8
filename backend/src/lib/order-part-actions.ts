import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import type { PartActionInput } from "../workflows/order-parts"
import type { AuditActor } from "../workflows/steps/record-audit"
import { captureHeldCardIfFinal } from "./card-hold"
import { conflict, notFound } from "./errors"
import { rowsOf } from "./query-rows"

/** An order as withOrderPart's query selects it: the part order's and the buyer's. */
interface ActionOrderRow {
  id: string
  items?:
    | {
        id: string
        quantity: unknown
        unit_price: unknown
        metadata?: Record<string, unknown> | null
      }[]
    | null
  fulfillments?: { id: string; canceled_at: Date | string | null }[] | null
  payment_collections?: { payments?: { id: string; provider_id: string }[] | null }[] | null
}

interface SellerLocationRow {
  stock_location?: { id: string } | null
}

type Part = Awaited<ReturnType<CheckoutModuleService["retrieveOrderPart"]>>

export const partNotFound = () => notFound({ vi: "Không tìm thấy đơn hàng", en: "Order not found" })

/**
 * Runs `action` on one seller part under a lock on it, so two taps on "delivered" or a bank
 * notice racing the seller's own confirmation capture the money once. `check` sees the part as
 * it is inside the lock and throws a DomainError when the action does not apply.
 */
export async function withOrderPart<T>(
  container: MedusaContainer,
  where: { part_order_id?: string; reference?: string; seller_id?: string },
  actor: AuditActor,
  check: (part: Part) => void | Promise<void>,
  action: (input: PartActionInput, part: Part) => Promise<T>,
): Promise<T> {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const [found] = await checkout.listOrderParts(where)
  if (!found) throw partNotFound()
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(`order-part:${found.id}`, async () => {
    const part = await checkout.retrieveOrderPart(found.id)
    await check(part)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [orderRows, sellerRows, siblings] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "id",
          "items.*",
          "fulfillments.id",
          "fulfillments.canceled_at",
          "payment_collections.payments.id",
          "payment_collections.payments.provider_id",
        ],
        filters: { id: [part.part_order_id, part.order_id] },
      }),
      query.graph({
        entity: "seller",
        fields: ["stock_location.id"],
        filters: { id: part.seller_id },
      }),
      checkout.listOrderParts({ order_id: part.order_id }),
    ])
    const orders = rowsOf<ActionOrderRow>(orderRows)
    const [seller] = rowsOf<SellerLocationRow>(sellerRows)
    // Every part has its own order, created with it when the buyer's order was split.
    const partOrder = orders.find((o) => o.id === part.part_order_id)!
    const buyerOrder = orders.find((o) => o.id === part.order_id)
    const fulfillment = (partOrder.fulfillments ?? []).find((f) => !f.canceled_at)
    // The buyer's payment; a top-up (produce weighed above its estimate) is a payment of its own.
    const topups = new Set(siblings.map((s) => s.topup_payment_id).filter(Boolean))
    const payment = (buyerOrder?.payment_collections ?? [])
      .flatMap((c) => c.payments ?? [])
      .find((p) => !topups.has(p.id))
    const input: PartActionInput = {
      actor,
      part: {
        id: part.id,
        seller_id: part.seller_id,
        commune_code: part.commune_code,
        part_order_id: part.part_order_id,
        amount: Number(part.amount),
        payment_method: part.payment_method,
        payment_status: part.payment_status,
        ...weighingOf(part),
      },
      items: (partOrder.items ?? []).map((i) => ({
        id: i.id,
        quantity: Number(i.quantity),
        unit_price: Number(i.unit_price),
        metadata: i.metadata ?? null,
      })),
      // Read as the workflow's input declares them; left unset, as ever, when the seller has no
      // stock location or the buyer's order no payment.
      location_id: seller?.stock_location?.id as string,
      payment_id: payment?.id as string,
      provider_id: payment?.provider_id,
      buyer_order_id: part.order_id,
      fulfillment_id: fulfillment?.id ?? null,
      last_open_part: siblings.every((s) => s.id === part.id || s.status === "canceled"),
    }
    const result = await action(input, part)
    if (part.payment_method === "card") await chargeHeldCard(container, part.order_id, actor)
    return result
  })
}

/**
 * After any action on a card part: a card held for produce sold by weight is charged once every
 * part has its final amount (src/lib/card-hold.ts). The action itself stands if Stripe fails
 * now; the next action on any part of the order (shipping, at the latest) tries again.
 */
async function chargeHeldCard(container: MedusaContainer, orderId: string, actor: AuditActor) {
  try {
    await captureHeldCardIfFinal(container, orderId, actor)
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Capturing the held card of order ${orderId} failed: ${(error as Error).message}`)
  }
}

/**
 * A part's weighing figures for the workflows: the estimate (`amount` before weighing), what its
 * share of the buyer's first payment is (never above the estimate: the rest is the top-up), and
 * what that payment has collected for it so far, net of refunds (a pre-order's deposit included).
 */
export function weighingOf(part: Part) {
  const amount = Number(part.amount)
  const estimate = part.estimated_amount == null ? amount : Number(part.estimated_amount)
  // A held card is charged the weighed amount itself; other payments take what the weighing
  // adds from a top-up payment of its own.
  const share = part.payment_method === "card" ? amount : Math.min(amount, estimate)
  const capturedBeforeWeighing =
    !part.weighed_at ||
    (part.captured_at != null && new Date(part.captured_at) <= new Date(part.weighed_at))
  // A pre-order's deposit received by transfer is collected before the rest (preorder-deposit.ts).
  const depositPaid =
    part.deposit_status === "captured" || part.deposit_status === "refunded"
      ? Number(part.deposit_amount ?? 0)
      : 0
  // What the buyer was charged at capture. A part never weighed has lost, since, only what a
  // harvest refunded (its amount is the smaller one now), so its charge is amount + refunded;
  // taking the amount alone made a later cancellation refund twice the harvest's difference too
  // little.
  const refunded = Number(part.refunded_amount ?? 0)
  const charged =
    part.weighed_at == null && part.estimated_amount == null ? amount + refunded : estimate
  const captured = Math.max(
    depositPaid,
    part.payment_status === "captured" || part.payment_status === "refunded"
      ? capturedBeforeWeighing
        ? charged
        : share
      : 0,
  )
  return {
    estimated_amount: estimate,
    main_amount: share,
    main_paid: Math.max(0, captured - refunded),
    weighing: part.weighing,
    refunded_amount: Number(part.refunded_amount ?? 0),
    topup_amount: part.topup_amount == null ? 0 : Number(part.topup_amount),
    topup_payment_id: part.topup_payment_id ?? null,
    topup_status: part.topup_status ?? null,
    deposit_amount: part.deposit_amount == null ? null : Number(part.deposit_amount),
    deposit_status: part.deposit_status ?? null,
  }
}

/** The checks each seller action makes, with messages a seller can act on. */
export const partChecks = {
  ship(part: Part) {
    if (part.status !== "placed") throw wrongState(part, "ship")
    if (part.weighing === "required") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} có hàng bán theo cân: cần cân trước khi giao`,
          en: `Order ${part.reference} has produce sold by weight: weigh it before shipping`,
        },
        "weighing",
      )
    }
    if (part.weighing === "contact_buyer") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} lệch quá mức cho phép sau khi cân: hãy liên hệ người mua, rồi ghi nhận họ đồng ý hoặc hủy đơn`,
          en: `Order ${part.reference} moved beyond its tolerance at weighing: contact the buyer, then record their agreement or cancel`,
        },
        "weighing",
      )
    }
  },
  deliver(part: Part) {
    if (part.status !== "shipped") throw wrongState(part, "deliver")
  },
  cancel(part: Part) {
    if (part.status !== "placed") throw wrongState(part, "cancel")
  },
  weigh(part: Part) {
    if (part.weighing === "none") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} không có hàng bán theo cân`,
          en: `Order ${part.reference} has no produce sold by weight`,
        },
        "lines",
      )
    }
    if (part.status !== "placed") {
      throw conflict(
        {
          vi: `Không thể cân đơn ${part.reference}: đơn đang ở trạng thái "${STATUS[part.status as keyof typeof STATUS].vi}"`,
          en: `Cannot weigh order ${part.reference}: it is ${STATUS[part.status as keyof typeof STATUS].en}`,
        },
        "status",
      )
    }
    if (part.weighing !== "required" && part.weighing !== "contact_buyer") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} đã cân xong và đã chốt số tiền`,
          en: `Order ${part.reference} is already weighed and its amount settled`,
        },
        "weighing",
      )
    }
  },
  acceptWeighing(part: Part) {
    if (part.status !== "placed" || part.weighing !== "contact_buyer") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} không chờ người mua đồng ý số tiền sau khi cân`,
          en: `Order ${part.reference} does not await the buyer's agreement to a weighed amount`,
        },
        "weighing",
      )
    }
  },
  confirmPayment(part: Part) {
    if (part.payment_method !== "vietqr") {
      throw conflict({
        vi: "Đơn này không thanh toán bằng chuyển khoản VietQR",
        en: "This order is not paid by VietQR transfer",
      })
    }
    if (part.status === "canceled") throw wrongState(part, "confirm")
    if (part.weighing === "contact_buyer") {
      throw conflict(
        {
          vi: `Đơn ${part.reference} đang chờ người mua đồng ý số tiền sau khi cân`,
          en: `Order ${part.reference} awaits the buyer's agreement to the weighed amount`,
        },
        "weighing",
      )
    }
    if (part.payment_status !== "awaiting" && part.topup_status !== "awaiting") {
      throw conflict({
        vi: "Tiền của đơn này đã được xác nhận",
        en: "This order's payment is already confirmed",
      })
    }
  },
}

/**
 * A part holding pre-ordered items ships only once its window is harvested and its line settled
 * (allocated and, when short, edited down): before that nobody knows how much it will hold.
 */
export async function requirePreorderSettled(container: MedusaContainer, part: Part) {
  const lines = await container
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderLines({ part_order_id: part.part_order_id, status: ["placed", "allocated"] })
  if (!lines.length) return
  throw conflict(
    {
      vi: `Đơn ${part.reference} là hàng đặt trước chưa thu hoạch: ghi thu hoạch của đợt đặt trước trước khi giao`,
      en: `Order ${part.reference} holds a pre-order not harvested yet: record the window's harvest before shipping`,
    },
    "preorder",
  )
}

const STATUS = {
  placed: { vi: "mới đặt", en: "placed" },
  shipped: { vi: "đã giao cho vận chuyển", en: "shipped" },
  delivered: { vi: "đã giao xong", en: "delivered" },
  canceled: { vi: "đã hủy", en: "cancelled" },
}
const ACTION = {
  ship: { vi: "giao hàng", en: "ship" },
  deliver: { vi: "xác nhận đã giao", en: "mark delivered" },
  cancel: { vi: "hủy", en: "cancel" },
  confirm: { vi: "xác nhận tiền", en: "confirm the payment of" },
}

function wrongState(part: Part, action: keyof typeof ACTION) {
  const status = STATUS[part.status as keyof typeof STATUS]
  return conflict({
    vi: `Không thể ${ACTION[action].vi} đơn ${part.reference}: đơn đang ở trạng thái "${status.vi}"`,
    en: `Cannot ${ACTION[action].en} order ${part.reference}: it is ${status.en}`,
  })
}
