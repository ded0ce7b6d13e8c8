import { model } from "@medusajs/framework/utils"

/**
 * A payment notification already applied (a bank transfer notice), keyed by the sender's own id,
 * so the same notice delivered twice changes nothing the second time.
 */
export const PaymentNotification = model
  .define("payment_notification", {
    id: model.id({ prefix: "pnot" }).primaryKey(),
    source: model.text(),
    external_id: model.text(),
    order_part_id: model.text().nullable(),
    outcome: model.text(),
    body: model.json().nullable(),
  })
  .indexes([{ on: ["source", "external_id"], unique: true }])
