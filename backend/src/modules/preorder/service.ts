import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
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
    readonly reason: "closed" | "sold_out" | "over_cap" | "deposit_cash",
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
  deposit_percent: number | null
}

/** A claimed line, with its window's deposit percentage (null: no deposit). */
export interface ClaimedLine {
  id: string
  part_order_id: string
  deposit_percent: number | null
}

export default class PreorderModuleService extends MedusaService({
  PreorderWindow,
  PreorderLine,
}) {
  /**
   * Records the pre-ordered lines of one order against their windows. The planned quantity holds
   * by one conditional update per window (`… where ordered_quantity + n <= planned_quantity`):
   * PostgreSQL takes the row lock for that statement only and re-checks the condition after any
   * concurrent update, so claims never pass the plan and no connection waits across round trips.
   * The per-buyer cap is checked just before (a buyer racing their own two carts could pass it by
   * one order). Items of variants without an unharvested window are not pre-orders and are left
   * alone. A window asking a deposit refuses cash on delivery (`cash_on_delivery`): nothing
   * would be paid before the harvest. Throws PreorderRefusal, and gives back what it took, when
   * a claim does not fit.
   */
  @InjectManager()
  async claim(
    input: { claims: PreorderClaim[]; cash_on_delivery?: boolean },
    @MedusaContext() sharedContext: Context = {},
  ): Promise<ClaimedLine[]> {
    const { claims } = input
    if (!claims.length) return []
    const manager = sharedContext.manager as SqlEntityManager
    const variants = [...new Set(claims.map((c) => c.variant_id))].sort()
    const windows = await manager.execute<(WindowRow & { variant_id: string })[]>(
      `select id, variant_id, status, planned_quantity, ordered_quantity, per_buyer_cap, closes_at,
         deposit_percent
       from preorder_window
       where variant_id in (${variants.map(() => "?").join(",")})
         and status in ('open', 'closed') and deleted_at is null`,
      variants,
    )
    const taken: { id: string; quantity: number }[] = []
    const giveBack = async () => {
      for (const t of taken) {
        await manager.execute(
          "update preorder_window set ordered_quantity = ordered_quantity - ? where id = ?",
          [t.quantity, t.id],
        )
      }
    }
    try {
      for (const window of windows) {
        if (input.cash_on_delivery && (window.deposit_percent ?? 0) > 0) {
          throw new PreorderRefusal(
            "deposit_cash",
            window,
            window.planned_quantity - window.ordered_quantity,
          )
        }
        const mine = claims.filter((c) => c.variant_id === window.variant_id)
        const quantity = mine.reduce((s, c) => s + c.quantity, 0)
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
        const updated = await manager.execute<WindowRow[]>(
          `update preorder_window set ordered_quantity = ordered_quantity + ?, updated_at = now()
           where id = ? and status = 'open' and (closes_at is null or closes_at > now())
             and ordered_quantity + ? <= planned_quantity
           returning id, status, planned_quantity, ordered_quantity, per_buyer_cap, closes_at,
             deposit_percent`,
          [quantity, window.id, quantity],
        )
        if (!updated.length) {
          const [now] = await manager.execute<WindowRow[]>(
            "select id, status, planned_quantity, ordered_quantity, per_buyer_cap, closes_at, deposit_percent from preorder_window where id = ?",
            [window.id],
          )
          const left = now!.planned_quantity - now!.ordered_quantity
          const closed =
            now!.status !== "open" ||
            (now!.closes_at != null && new Date(now!.closes_at).getTime() <= Date.now())
          throw new PreorderRefusal(closed ? "closed" : "sold_out", now!, left)
        }
        taken.push({ id: window.id, quantity })
      }
    } catch (error) {
      await giveBack()
      throw error
    }
    try {
      const lines = await this.createPreorderLines(
        claims
          .filter((c) => windows.some((w) => w.variant_id === c.variant_id))
          .map((c) => ({
            window_id: windows.find((w) => w.variant_id === c.variant_id)!.id,
            order_id: c.order_id,
            part_order_id: c.part_order_id,
            part_item_id: c.part_item_id,
            buyer_email: c.buyer_email,
            quantity: c.quantity,
          })),
        sharedContext,
      )
      return lines.map((l) => ({
        id: l.id,
        part_order_id: l.part_order_id,
        deposit_percent: windows.find((w) => w.id === l.window_id)?.deposit_percent ?? null,
      }))
    } catch (error) {
      await giveBack()
      throw error
    }
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
