import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { failpoint } from "../../lib/failpoints"

export interface ReservationMove {
  from_line_item_id: string
  to_line_item_id: string
}

export const moveReservationsStepId = "move-reservations-to-parts"

/** Points the reservations of each `from` line item at its `to` line item, in two queries. */
export async function moveReservations(container: MedusaContainer, moves: ReservationMove[]) {
  const inventory = container.resolve(Modules.INVENTORY)
  const target = new Map(moves.map((m) => [m.from_line_item_id, m.to_line_item_id]))
  const reservations = await inventory.listReservationItems({ line_item_id: [...target.keys()] })
  if (!reservations.length) return []
  // line_item_id is not in the update type, but the module writes it like any other column.
  await inventory.updateReservationItems(
    reservations.map((r) => ({ id: r.id, line_item_id: target.get(r.line_item_id!) })) as never,
  )
  return reservations.map((r) => r.id)
}

/**
 * Hands each reservation, made at the seller's stock location when the order was placed, from the
 * buyer's order item to the same item of the seller's part, so the seller's fulfilment consumes it.
 */
export const moveReservationsStep = createStep(
  moveReservationsStepId,
  async (moves: ReservationMove[], { container }) => {
    failpoint("split-order:before-reservations")
    await moveReservations(container, moves)
    return new StepResponse(undefined, moves)
  },
  async (moves, { container }) => {
    if (!moves?.length) return
    await moveReservations(
      container,
      moves.map((m) => ({
        from_line_item_id: m.to_line_item_id,
        to_line_item_id: m.from_line_item_id,
      })),
    )
  },
)
