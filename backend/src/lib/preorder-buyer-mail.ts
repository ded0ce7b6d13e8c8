import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"

type Message = { vi: string; en: string; settled?: string }

/** The e-mail a buyer gets when the harvest changed their pre-order: Vietnamese, then English. */
export function preorderBuyerMail(reference: string, message: Message, orderUrl: string) {
  const vi =
    message.settled === "refunded"
      ? "Phần chênh lệch đã được hoàn lại theo cách bạn đã thanh toán."
      : message.settled === "canceled"
        ? "Bạn không phải trả gì cho đơn này."
        : "Bạn chỉ trả số tiền mới khi nhận hàng hoặc chuyển khoản."
  const en =
    message.settled === "refunded"
      ? "The difference is refunded the way you paid."
      : message.settled === "canceled"
        ? "You owe nothing for this order."
        : "You pay only the new amount on delivery or by transfer."
  return {
    subject: `Đơn đặt trước ${reference} thay đổi / Your pre-order ${reference} changed`,
    text: [
      `Chợ số HTX: ${message.vi}. ${vi}`,
      `Xem đơn: ${orderUrl}`,
      "",
      `Chợ số HTX: ${message.en}. ${en}`,
      `Your order: ${orderUrl}`,
    ].join("\n"),
  }
}

/**
 * Tells each buyer of the window whose pre-order the harvest (or a cancellation) changed, by
 * e-mail through Medusa's notification module. One mail per line, ever: the line id is the
 * notification's idempotency key, so a resumed harvest does not mail twice. Never throws: the
 * harvest is recorded and the money settled whether the mail goes or not (the message also shows
 * on the buyer's order page).
 */
export async function notifyPreorderBuyers(container: MedusaContainer, windowId: string) {
  const log = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  try {
    const lines = await container
      .resolve<PreorderModuleService>(PREORDER_MODULE)
      .listPreorderLines({ window_id: windowId })
    const changed = lines.filter((l) => l.message && Number(l.difference ?? 0) > 0)
    if (!changed.length) return 0
    const parts = await container
      .resolve<CheckoutModuleService>(CHECKOUT_MODULE)
      .listOrderParts({ part_order_id: changed.map((l) => l.part_order_id) })
    const referenceOf = new Map(parts.map((p) => [p.part_order_id, p.reference]))
    const storefront = (process.env.STOREFRONT_URL ?? "http://localhost:8000").replace(/\/+$/, "")
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    await notifications.createNotifications(
      changed.map((line) => ({
        to: line.buyer_email,
        channel: "email",
        template: "preorder_changed",
        content: preorderBuyerMail(
          referenceOf.get(line.part_order_id) ?? line.part_order_id,
          line.message as Message,
          `${storefront}/vi/orders/${line.order_id}`,
        ),
        data: { order_id: line.order_id, part_order_id: line.part_order_id },
        resource_type: "preorder_line",
        resource_id: line.id,
        idempotency_key: `preorder-line:${line.id}`,
      })),
    )
    return changed.length
  } catch (error) {
    log.warn(`Pre-order buyers not told by e-mail: ${(error as Error).message}`)
    return 0
  }
}
