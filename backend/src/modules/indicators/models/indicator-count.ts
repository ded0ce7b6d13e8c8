import { model } from "@medusajs/framework/utils"

/** The running sum of an indicator's facts for one commune and period, kept as facts change. */
export const IndicatorCount = model
  .define("indicator_count", {
    id: model.id({ prefix: "icnt" }).primaryKey(),
    code: model.text(),
    dimension: model.text().default(""),
    commune_code: model.text(),
    province_code: model.text(),
    period: model.text(),
    numerator: model.bigNumber().default(0),
    denominator: model.bigNumber().default(0),
  })
  .indexes([
    { on: ["commune_code", "period", "code", "dimension"], unique: true },
    { on: ["province_code", "period", "code"] },
  ])
