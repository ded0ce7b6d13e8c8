import {
  createWorkflow,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import {
  batchInventoryItemLevelsWorkflow,
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  emitEventStep,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  requestOrderEditRequestWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import type { PartActionInput } from "./order-parts"
import {
  savePreorderWindowStep,
  updatePreorderLineStep,
  type WindowWrite,
} from "./steps/preorder-records"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { updateOrderPartStep } from "./steps/update-order-part"

export interface SavePreorderWindowInput {
  actor: AuditActor
  seller_id: string
  commune_code: string
  action: "open" | "close" | "extend" | "harvest" | "cancel"
  window: WindowWrite
  /** The variant's stock level at the seller's location, set so the window's quantity is what is available. */
  level?: {
    inventory_item_id: string
    location_id: string
    stocked_quantity: number
    exists: boolean
  }
  data?: Record<string, unknown>
}

/**
 * Opens, closes, extends, harvests or cancels a pre-order window: the window record, the
 * variant's stock at the seller's location (a pre-order sells the planned quantity through
 * Medusa's own reservations) and the audit entry, undone together on failure.
 */
export const savePreorderWindowWorkflow = createWorkflow(
  "save-preorder-window",
  (input: SavePreorderWindowInput) => {
    const window = savePreorderWindowStep(input.window)
    const level = transform({ input }, ({ input }) => !!input.level)
    when("set-preorder-stock", { level }, ({ level }) => level).then(() => {
      batchInventoryItemLevelsWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => {
          const { exists, ...level } = input.level!
          return exists ? { update: [level] } : { create: [level] }
        }),
      })
    })
    recordAuditStep(
      transform({ input, window }, ({ input, window }) => ({
        actor: input.actor,
        action: `preorder.${input.action}`,
        resource_type: "preorder_window",
        resource_id: window.id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: input.data ?? null,
      })),
    )
    return new WorkflowResponse(window)
  },
)

export interface AdjustPreorderPartInput extends PartActionInput {
  line: { id: string; part_item_id: string; quantity: number; allocated: number }
  /** What the buyer is told, before the amounts are known: `{difference}` is filled in. */
  message: { vi: string; en: string }
}

/**
 * A buyer gets less than it pre-ordered: the part order is edited with Medusa's order edit (the
 * line's quantity, its reservation and the part's totals follow), and the difference is
 * settled by the payment method: a captured share (card, a VietQR transfer already received) is
 * refunded through the payment's provider; an uncollected one (cash on delivery, an unpaid
 * transfer) is simply a smaller amount to collect; a VietQR deposit received is kept against the
 * new amount, and what it holds beyond it is refunded (the seller transfers it back).
 */
export const adjustPreorderPartWorkflow = createWorkflow(
  "adjust-preorder-part",
  (input: AdjustPreorderPartInput) => {
    const orderId = transform({ input }, ({ input }) => input.part.part_order_id)
    beginOrderEditOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        created_by: input.actor.actor_id,
        description: "Harvest allocation",
      })),
    })
    orderEditUpdateItemQuantityWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        items: [{ id: input.line.part_item_id, quantity: input.line.allocated }],
      })),
    })
    requestOrderEditRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        requested_by: input.actor.actor_id,
      })),
    })
    confirmOrderEditRequestWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        confirmed_by: input.actor.actor_id,
      })),
    })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "total"],
      filters: transform({ orderId }, ({ orderId }) => ({ id: orderId })),
    }).config({ name: "edited-part-total" })
    const money = transform({ input, orders }, ({ input, orders }) => {
      const total = Number(orders[0]!.total)
      const difference = Math.max(0, input.part.amount - total)
      const { part } = input
      // Paid in full: the difference goes back. A deposit received (VietQR) above the new
      // amount: the excess goes back, and the deposit then pays the whole part.
      const deposit =
        part.payment_status === "awaiting" && part.deposit_status === "captured"
          ? (part.deposit_amount ?? 0)
          : 0
      const refunded =
        part.payment_status === "captured" ? difference : Math.max(0, deposit - total)
      return {
        total,
        difference,
        refunded,
        refund: refunded > 0,
        covered_by_deposit: deposit > 0 && deposit >= total,
      }
    })
    when("refund-preorder-difference", { money }, ({ money }) => money.refund).then(() => {
      refundPaymentWorkflow.runAsStep({
        input: transform({ input, money }, ({ input, money }) => ({
          payment_id: input.payment_id,
          amount: money.refunded,
          created_by: input.actor.actor_id,
          note: `Harvest short: seller part ${input.part.id} reduced`,
        })),
      })
    })
    const part = updateOrderPartStep(
      transform({ input, money }, ({ input, money }) => ({
        id: input.part.id,
        update: {
          amount: money.total,
          ...(money.refund ? { refunded_amount: input.part.refunded_amount + money.refunded } : {}),
          ...(money.covered_by_deposit
            ? { payment_status: "captured", captured_at: new Date() }
            : {}),
        },
      })),
    )
    updatePreorderLineStep(
      transform({ input, money }, ({ input, money }) => ({
        id: input.line.id,
        update: {
          status: "adjusted",
          difference: money.difference,
          message: {
            vi: input.message.vi.replace("{difference}", vnd(money.difference)),
            en: input.message.en.replace("{difference}", vnd(money.difference)),
            settled: money.refund ? "refunded" : "owe_less",
          },
        },
      })),
    )
    recordAuditStep(
      transform({ input, money }, ({ input, money }) => ({
        actor: input.actor,
        action: "preorder.adjust_part",
        resource_type: "order_part",
        resource_id: input.part.id,
        seller_id: input.part.seller_id,
        commune_code: input.part.commune_code,
        data: {
          line_id: input.line.id,
          ordered: input.line.quantity,
          allocated: input.line.allocated,
          difference: money.difference,
          refunded: money.refunded,
        },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
      data: transform({ input }, ({ input }) => ({ ids: [input.part.id] })),
    })
    return new WorkflowResponse(part)
  },
)

const vnd = (amount: number) => `${amount.toLocaleString("vi-VN")} ₫`
