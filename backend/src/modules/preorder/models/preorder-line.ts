import { model } from "@medusajs/framework/utils"

/**
 * One buyer's pre-order of a window's variant: the line item of the seller's part order that
 * holds it. `allocated_quantity` is set at harvest; the part is then edited to it.
 */
export const PreorderLine = model
  .define("preorder_line", {
    id: model.id({ prefix: "prel" }).primaryKey(),
    window_id: model.text(),
    order_id: model.text(),
    part_order_id: model.text(),
    part_item_id: model.text().unique(),
    buyer_email: model.text(),
    quantity: model.number(),
    allocated_quantity: model.number().nullable(),
    status: model.enum(["placed", "allocated", "adjusted", "canceled"]).default("placed"),
    // What the buyer is told when the share shrinks: {vi, en}; and the money difference.
    message: model.json().nullable(),
    difference: model.number().nullable(),
  })
  .indexes([{ on: ["window_id", "created_at"] }, { on: ["window_id", "buyer_email"] }])
