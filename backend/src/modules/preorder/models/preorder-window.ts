import { model } from "@medusajs/framework/utils"

/**
 * A sales window for a coming harvest: buyers order one product variant against the planned
 * quantity of a traceability batch that is not yet harvested. At most one window per variant is
 * open or closed (not yet harvested) at a time.
 */
export const PreorderWindow = model
  .define("preorder_window", {
    id: model.id({ prefix: "prew" }).primaryKey(),
    seller_id: model.text(),
    product_id: model.text(),
    variant_id: model.text(),
    // The traceability batch (planned) the harvest is recorded on; its diary and stamps.
    batch_id: model.text(),
    planned_quantity: model.number(),
    // Sum of the quantities of the lines not cancelled; kept under a row lock (service.claim).
    ordered_quantity: model.number().default(0),
    per_buyer_cap: model.number().nullable(),
    deposit_percent: model.number().nullable(),
    // Days a VietQR buyer has to pay the deposit before the line is cancelled (jobs/unpaid-deposits).
    deposit_due_days: model.number().default(3),
    expected_harvest_on: model.text(),
    delivery_from: model.text(),
    delivery_to: model.text().nullable(),
    closes_at: model.dateTime().nullable(),
    status: model.enum(["open", "closed", "harvested", "canceled"]).default("open"),
    harvested_quantity: model.number().nullable(),
    allocation: model.enum(["first_come", "pro_rata"]).nullable(),
    harvested_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["seller_id", "created_at"] }, { on: ["variant_id", "status"] }])
