import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import type { PreorderClaim, PreorderRefusal } from "../../modules/preorder/service"

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
}

/**
 * Records an order's pre-ordered items against their harvest windows (the planned quantity and
 * the per-buyer cap hold under the window's row lock); gives them back on rollback. A refusal
 * fails the cart completion, which Medusa then undoes: order, reservations, payment.
 */
export const claimPreordersStep = createStep(
  claimPreordersStepId,
  async (claims: PreorderClaim[], { container }) => {
    const preorders = container.resolve<PreorderModuleService>(PREORDER_MODULE)
    try {
      const ids = await preorders.claim(claims)
      return new StepResponse(ids, ids)
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
