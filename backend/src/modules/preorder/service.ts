import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { PreorderLine } from "./models/preorder-line"
import { PreorderWindow } from "./models/preorder-window"

/** A pre-ordered line item of a placed order, before it is checked against its window. */
export interface PreorderClaim {
  variant_id: string
  order_id: string
  part_order_id: string
  part_item_id: string
  buyer_email: string
  quantity: number
}

/** Why a claim was refused; the split turns it into the buyer's error. */
export class PreorderRefusal extends Error {
  constructor(
    readonly reason: "closed" | "sold_out" | "over_cap",
    readonly window: { id: string; planned_quantity: number; ordered_quantity: number },
    readonly left: number,
  ) {
    super(`Pre-order ${window.id} refused: ${reason} (${left} left)`)
    this.name = "PreorderRefusal"
  }
}

type WindowRow = {
  id: string
  status: string
  planned_quantity: number
  ordered_quantity: number
  per_buyer_cap: number | null
  closes_at: Date | null
}

export default class PreorderModuleService extends MedusaService({
  PreorderWindow,
  PreorderLine,
}) {
  /**
   * Records the pre-ordered lines of one order against their windows, in one transaction that
   * holds each window's row lock (`select … for update`): two buyers' claims on the same window
   * run one after the other, so the ordered quantity never passes the planned one and a buyer's
   * cap holds across orders. Items of variants without an unharvested window are not pre-orders
   * and are left alone. Throws PreorderRefusal, and nothing is written, when a claim does not fit.
   */
  @InjectTransactionManager()
  async claim(
    claims: PreorderClaim[],
    @MedusaContext() sharedContext: Context = {},
  ): Promise<string[]> {
    if (!claims.length) return []
    const manager = sharedContext.transactionManager as SqlEntityManager
    const variants = [...new Set(claims.map((c) => c.variant_id))].sort()
    const windows = await manager.execute<(WindowRow & { variant_id: string })[]>(
      `select id, variant_id, status, planned_quantity, ordered_quantity, per_buyer_cap, closes_at
       from preorder_window
       where variant_id in (${variants.map(() => "?").join(",")})
         and status in ('open', 'closed') and deleted_at is null
       order by variant_id for update`,
      variants,
    )
    const created: string[] = []
    for (const window of windows) {
      const mine = claims.filter((c) => c.variant_id === window.variant_id)
      const quantity = mine.reduce((s, c) => s + c.quantity, 0)
      const left = window.planned_quantity - window.ordered_quantity
      const closed =
        window.status !== "open" ||
        (window.closes_at != null && new Date(window.closes_at).getTime() <= Date.now())
      if (closed) throw new PreorderRefusal("closed", window, left)
      if (quantity > left) throw new PreorderRefusal("sold_out", window, left)
      if (window.per_buyer_cap != null) {
        const [{ total }] = await manager.execute<{ total: number }[]>(
          `select coalesce(sum(quantity), 0)::int as total from preorder_line
           where window_id = ? and buyer_email = ? and status <> 'canceled' and deleted_at is null`,
          [window.id, mine[0]!.buyer_email],
        )
        if (total + quantity > window.per_buyer_cap) {
          throw new PreorderRefusal("over_cap", window, Math.max(0, window.per_buyer_cap - total))
        }
      }
      const lines = await this.createPreorderLines(
        mine.map((c) => ({
          window_id: window.id,
          order_id: c.order_id,
          part_order_id: c.part_order_id,
          part_item_id: c.part_item_id,
          buyer_email: c.buyer_email,
          quantity: c.quantity,
        })),
        sharedContext,
      )
      created.push(...lines.map((l) => l.id))
      await manager.execute(
        "update preorder_window set ordered_quantity = ordered_quantity + ?, updated_at = now() where id = ?",
        [quantity, window.id],
      )
    }
    return created
  }

  /**
   * Gives lines' quantities back to their windows and marks them cancelled (one transaction).
   * Answers the lines it cancelled with their statuses before, for `restore`.
   */
  @InjectTransactionManager()
  async release(
    lineIds: string[],
    @MedusaContext() sharedContext: Context = {},
  ): Promise<{ id: string; status: string }[]> {
    if (!lineIds.length) return []
    const manager = sharedContext.transactionManager as SqlEntityManager
    const before = await manager.execute<{ id: string; status: string }[]>(
      `select id, status from preorder_line
       where id in (${lineIds.map(() => "?").join(",")}) and status <> 'canceled' for update`,
      lineIds,
    )
    await manager.execute(
      `with gone as (
         update preorder_line set status = 'canceled', updated_at = now()
         where id in (${lineIds.map(() => "?").join(",")}) and status <> 'canceled'
         returning window_id, quantity)
       update preorder_window w set ordered_quantity = w.ordered_quantity - g.total, updated_at = now()
       from (select window_id, sum(quantity)::int as total from gone group by window_id) g
       where w.id = g.window_id`,
      lineIds,
    )
    return before
  }

  /** Undoes `release`: the lines count against their windows again, with their old statuses. */
  @InjectTransactionManager()
  async restore(
    lines: { id: string; status: string }[],
    @MedusaContext() sharedContext: Context = {},
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    for (const line of lines) {
      await manager.execute(
        `with back as (
           update preorder_line set status = ?, updated_at = now()
           where id = ? and status = 'canceled' returning window_id, quantity)
         update preorder_window w set ordered_quantity = w.ordered_quantity + back.quantity
         from back where w.id = back.window_id`,
        [line.status, line.id],
      )
    }
  }
}
