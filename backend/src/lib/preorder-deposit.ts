/**
 * Pre-order deposits (docs/checkout.md, "Harvest pre-orders"): a window may ask a deposit. Cash
 * on delivery cannot pay one (refused at the payment session and again at the split); a card
 * pays the whole amount at checkout as before; a VietQR part pays the deposit first, to the
 * seller's account, and the rest once the harvest is allocated (a second QR, same reference).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { type CartRef, cartItemsOf } from "./cart-items"

/** The deposit a window's percentage asks of a part: whole dong, rounded up. */
export const depositOf = (amount: number, percent: number) => Math.ceil((amount * percent) / 100)

/** The figures of a part that say what its buyer still has to transfer. */
export interface PartMoney {
  amount: unknown
  payment_status: string
  topup_status?: string | null
  topup_amount?: unknown
  deposit_amount?: unknown
  deposit_status?: string | null
}

export type PaymentDue = {
  /** Whole dong to transfer now; 0 when nothing is (paid, or the rest waits for the harvest). */
  amount: number
  /** `deposit` first, `rest` after the harvest, `whole` without a deposit, `topup` after weighing. */
  kind: "deposit" | "rest" | "whole" | "topup" | "none"
}

/**
 * What the buyer of a part still has to transfer now. Without a deposit: the whole amount until
 * paid, then a weighing's top-up. With one: the deposit (never above the amount), then nothing
 * until the part's pre-order is harvested (`harvested`), then the amount less the deposit.
 */
export function paymentDue(part: PartMoney, harvested: boolean): PaymentDue {
  const amount = Number(part.amount)
  if (part.payment_status === "awaiting") {
    if (part.deposit_amount != null && part.deposit_status === "awaiting") {
      return { amount: Math.min(Number(part.deposit_amount), amount), kind: "deposit" }
    }
    if (part.deposit_amount != null && part.deposit_status === "captured") {
      const rest = Math.max(0, amount - Number(part.deposit_amount))
      return harvested && rest > 0 ? { amount: rest, kind: "rest" } : { amount: 0, kind: "none" }
    }
    return { amount, kind: "whole" }
  }
  if (part.payment_status === "captured" && part.topup_status === "awaiting") {
    return { amount: Number(part.topup_amount), kind: "topup" }
  }
  return { amount: 0, kind: "none" }
}

/** The transfer text of the QR for what is due (the reference is appended to it). */
export function purposeOf(kind: PaymentDue["kind"]): string | undefined {
  if (kind === "deposit") return "Đặt cọc"
  if (kind === "rest") return "Còn lại"
  return undefined
}

/**
 * The part orders (of those given) whose pre-ordered lines are all harvested and settled, or that
 * hold no pre-ordered line at all: the rest of a deposit is due for these.
 */
export async function harvestedPartOrders(
  container: MedusaContainer,
  partOrderIds: string[],
): Promise<Set<string>> {
  if (!partOrderIds.length) return new Set()
  const waiting = await container
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderLines(
      { part_order_id: partOrderIds, status: ["placed", "allocated"] },
      { select: ["part_order_id"] },
    )
  const open = new Set(waiting.map((l) => l.part_order_id))
  return new Set(partOrderIds.filter((id) => !open.has(id)))
}

/**
 * What the buyer of one part has to transfer now (paymentDue), reading the part's harvest only
 * when it matters: a received deposit whose rest waits for it.
 */
export async function dueNow(
  container: MedusaContainer,
  part: PartMoney & { part_order_id: string },
): Promise<number> {
  const harvested =
    part.deposit_status === "captured" &&
    (await harvestedPartOrders(container, [part.part_order_id])).has(part.part_order_id)
  return paymentDue(part, harvested).amount
}

/**
 * The unharvested windows (open or closed) asking a deposit that hold a line of the cart, found
 * from the cart or from its payment collection; null when no such cart exists.
 */
export async function depositWindowsOfCart(
  container: MedusaContainer,
  by: CartRef,
): Promise<{ id: string; variant_id: string; deposit_percent: number }[] | null> {
  const items = await cartItemsOf<{ variant_id?: string | null }>(container, by, ["variant_id"])
  if (!items) return null
  const variants = [...new Set(items.map((i) => i?.variant_id).filter(Boolean))]
  if (!variants.length) return []
  const windows = await container
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderWindows({ variant_id: variants as string[], status: ["open", "closed"] })
  return windows
    .filter((w) => (w.deposit_percent ?? 0) > 0)
    .map((w) => ({ id: w.id, variant_id: w.variant_id, deposit_percent: w.deposit_percent! }))
}
