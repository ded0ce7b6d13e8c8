/**
 * Unpaid pre-order deposits: a VietQR buyer who has not paid a window's deposit within the
 * window's `deposit_due_days` (3 by default) of placing the order loses the pre-order. The part
 * is cancelled with the seller-part cancellation (stock released, nothing was collected), its
 * quantity goes back to the window, and the buyer is told on the order page and by e-mail.
 * Run daily by jobs/unpaid-deposits.ts; only windows not yet harvested are looked at.
 */
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { cancelOrderPartWorkflow } from "../workflows/order-parts"
import { withOrderPart } from "./order-part-actions"
import { notifyPreorderBuyers } from "./preorder-buyer-mail"

const DAY_MS = 24 * 60 * 60 * 1000

/** The job's actor in the audit log. */
export const UNPAID_DEPOSITS_ACTOR = { actor_type: "system", actor_id: "unpaid-deposits" }

/** Cancels the pre-orders whose deposit is overdue at `now`; answers the part ids cancelled. */
export async function cancelUnpaidDeposits(
  container: MedusaContainer,
  now: Date = new Date(),
): Promise<string[]> {
  const preorders = container.resolve<PreorderModuleService>(PREORDER_MODULE)
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const log = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const windows = (await preorders.listPreorderWindows({ status: ["open", "closed"] })).filter(
    (w) => (w.deposit_percent ?? 0) > 0,
  )
  const canceled: string[] = []
  for (const window of windows) {
    const lines = await preorders.listPreorderLines({ window_id: window.id, status: "placed" })
    if (!lines.length) continue
    const due = new Date(now.getTime() - window.deposit_due_days * DAY_MS)
    const parts = await checkout.listOrderParts({
      part_order_id: lines.map((l) => l.part_order_id),
      deposit_status: "awaiting",
      status: "placed",
    })
    const overdue = parts.filter((p) => new Date(p.created_at) <= due)
    for (const found of overdue) {
      try {
        await withOrderPart(
          container,
          { part_order_id: found.part_order_id },
          UNPAID_DEPOSITS_ACTOR,
          (part) => {
            // Paid or cancelled meanwhile (the lock is taken now): nothing to do.
            if (part.status !== "placed" || part.deposit_status !== "awaiting") {
              throw new Error("no longer awaiting its deposit")
            }
          },
          async (input, part) => {
            await cancelOrderPartWorkflow(container).run({ input })
            const mine = lines.filter((l) => l.part_order_id === part.part_order_id)
            const days = window.deposit_due_days
            await preorders.updatePreorderLines(
              mine.map((l) => ({
                id: l.id,
                difference: Number(part.amount),
                message: {
                  vi: `Chưa nhận được tiền cọc sau ${days} ngày: đơn đặt trước đã bị hủy`,
                  en: `No deposit was received within ${days} days: the pre-order is cancelled`,
                  settled: "canceled",
                },
              })),
            )
          },
        )
        canceled.push(found.id)
      } catch (error) {
        log.info(`Unpaid deposit of part ${found.id} left alone: ${(error as Error).message}`)
      }
    }
    if (overdue.length) await notifyPreorderBuyers(container, window.id)
  }
  return canceled
}
