import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import type { ClaimedLine, PreorderClaim, PreorderRefusal } from "../../modules/preorder/service"

/** Why cash on delivery cannot pay a window that asks a deposit (the payment-session guard says it too). */
export const DEPOSIT_NEEDS_PAYMENT = {
  vi: "Đợt đặt trước này cần đặt cọc: hãy trả bằng VietQR hoặc thẻ",
  en: "This pre-order needs a deposit: please pay by VietQR or card",
}

export const claimPreordersStepId = "claim-preorders"

const WHY = {
  closed: {
    vi: () => "Đợt đặt trước này đã đóng",
    en: () => "This pre-order window is closed",
  },
  sold_out: {
    vi: (left: number) => `Đợt đặt trước chỉ còn ${left}`,
    en: (left: number) => `Only ${left} left in this pre-order window`,
  },
  over_cap: {
    vi: (left: number) => `Mỗi người mua chỉ được đặt thêm ${left}`,
    en: (left: number) => `Each buyer may pre-order only ${left} more`,
  },
  deposit_cash: {
    vi: () => DEPOSIT_NEEDS_PAYMENT.vi,
    en: () => DEPOSIT_NEEDS_PAYMENT.en,
  },
}

/**
 * Records an order's pre-ordered items against their harvest windows (the planned quantity and
 * the per-buyer cap hold under the window's row lock; a window asking a deposit refuses cash on
 * delivery); gives them back on rollback. Answers the lines with their windows' deposit percent. A refusal
 * fails the cart completion, which Medusa then undoes: order, reservations, payment.
 */
export const claimPreordersStep = createStep(
  claimPreordersStepId,
  async (input: { claims: PreorderClaim[]; cash_on_delivery: boolean }, { container }) => {
    const preorders = container.resolve<PreorderModuleService>(PREORDER_MODULE)
    try {
      const lines: ClaimedLine[] = await preorders.claim(input)
      return new StepResponse(
        lines,
        lines.map((l) => l.id),
      )
    } catch (error) {
      if (error instanceof Error && error.name === "PreorderRefusal") {
        const { reason, left } = error as PreorderRefusal
        // A MedusaError reaches the buyer with its message; both languages, the hook has no request.
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `${WHY[reason].vi(left)} / ${WHY[reason].en(left)}`,
        )
      }
      throw error
    }
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<PreorderModuleService>(PREORDER_MODULE).release(ids)
  },
)
