import { model } from "@medusajs/framework/utils"

/** An event from another service already applied to the counts, so a redelivery changes nothing. */
export const IndicatorEvent = model
  .define("indicator_event", {
    id: model.id({ prefix: "iev" }).primaryKey(),
    source: model.text(),
    event_id: model.text(),
    type: model.text(),
  })
  .indexes([{ on: ["source", "event_id"], unique: true }])
