import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks, withOrderPart } from "../../../../../lib/order-part-actions"
import { loadOrderParts } from "../../../../../lib/order-parts"
import {
  MAX_WEIGHT_FACTOR,
  soldByWeightOf,
  toleranceHeadroom,
  weighLine,
} from "../../../../../lib/sold-by-weight"
import { weighOrderPartWorkflow } from "../../../../../workflows/weigh-order-part"
import { sellerAccess } from "../../../../utils/access"
import { sellerActor } from "../../../../utils/audit-actor"
import { badRequest, conflict } from "../../../../utils/errors"
import { parseInput } from "../../../../utils/validate"
import { WeighOrder } from "../../../validators"

const kg = (grams: number) => `${(grams / 1000).toLocaleString("vi-VN")} kg`
const dong = (amount: number) => `${amount.toLocaleString("vi-VN")} ₫`

/**
 * The seller (or its helper) types what each line sold by weight actually weighs, at packing.
 * The lines are repriced with Medusa's order edit and the part's amount follows; beyond the
 * tolerance the part waits for the buyer's agreement. Every check runs before anything changes.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { lines } = parseInput(WeighOrder, req.body)
  const access = sellerAccess(req)
  const where = { part_order_id: req.params.id, seller_id: access.sellerId }
  await withOrderPart(req.scope, where, sellerActor(access), partChecks.weigh, async (input) => {
    const weighable = input.items.filter((i) => soldByWeightOf(i.metadata))
    const seen = new Set<string>()
    const weighed = lines.map((line, index) => {
      const item = weighable.find((i) => i.id === line.item_id)
      if (!item || seen.has(line.item_id)) {
        throw badRequest(`lines.${index}.item_id`, {
          vi: `"lines.${index}.item_id": không phải một dòng bán theo cân của đơn này, hoặc bị lặp`,
          en: `"lines.${index}.item_id": not a line of this order sold by weight, or repeated`,
        })
      }
      seen.add(line.item_id)
      const rule = soldByWeightOf(item.metadata)!
      const result = weighLine(rule, item.quantity, line.grams)
      if (line.grams > result.estimated_grams * MAX_WEIGHT_FACTOR) {
        throw badRequest(`lines.${index}.grams`, {
          vi: `"lines.${index}.grams": ${kg(line.grams)} lớn hơn ${MAX_WEIGHT_FACTOR} lần ước tính (${kg(result.estimated_grams)}); hãy kiểm tra lại`,
          en: `"lines.${index}.grams": ${kg(line.grams)} is more than ${MAX_WEIGHT_FACTOR} times the estimate (${kg(result.estimated_grams)}); check it`,
        })
      }
      if (result.unit_price < 1) {
        throw badRequest(`lines.${index}.grams`, {
          vi: `"lines.${index}.grams": quá nhỏ, dòng hàng sẽ không còn giá trị`,
          en: `"lines.${index}.grams": too small, the line would cost nothing`,
        })
      }
      return { item, line, rule, result }
    })
    const missing = weighable.find((i) => !seen.has(i.id))
    if (missing) {
      throw badRequest("lines", {
        vi: `"lines": còn dòng bán theo cân chưa cân (${missing.id})`,
        en: `"lines": a line sold by weight is not weighed (${missing.id})`,
      })
    }
    // What the weighing adds to the estimate, before Medusa totals it (same unit prices, same
    // quantities). A card charged at checkout cannot grow; a card held for the weighing can
    // grow by its lines' tolerances, what the hold covers (src/lib/card-hold.ts).
    const added = weighed.reduce((sum, w) => sum + w.result.total - w.result.estimated_total, 0)
    if (input.part.payment_method === "card" && added > 0) {
      const held = input.part.payment_status === "awaiting"
      const headroom = held
        ? weighed.reduce((sum, w) => sum + toleranceHeadroom(w.rule, w.item.quantity), 0)
        : 0
      if (added > headroom) {
        const estimate = input.part.estimated_amount
        throw conflict(
          held
            ? {
                vi: `Số tiền sau khi cân (${dong(estimate + added)}) vượt quá số tiền đã giữ trên thẻ của người mua (${dong(estimate + headroom)}); hãy liên hệ người mua, hoặc hủy đơn`,
                en: `The weighed amount (${dong(estimate + added)}) is more than the buyer's card holds (${dong(estimate + headroom)}); contact the buyer, or cancel the order`,
              }
            : {
                vi: "Đơn trả bằng thẻ không thể thu thêm sau khi cân; hãy liên hệ người mua",
                en: "A card payment cannot be charged more after weighing; contact the buyer",
              },
          "lines",
        )
      }
    }
    await weighOrderPartWorkflow(req.scope).run({
      input: {
        ...input,
        lines: weighed.map((w) => ({
          item_id: w.item.id,
          quantity: w.item.quantity,
          unit_price: w.result.unit_price,
          grams: w.line.grams,
        })),
        within_tolerance: weighed.every((w) => w.result.within_tolerance),
      },
    })
  })
  const [order] = await loadOrderParts(req.scope, where)
  res.json({ order })
}
