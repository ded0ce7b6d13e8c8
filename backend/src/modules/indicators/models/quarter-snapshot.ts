import { model } from "@medusajs/framework/utils"

/**
 * A commune's closed quarter: every indicator's numerator, denominator and what it counted, frozen
 * when an officer closed it. Reopening (an operator's audited act) marks it reopened; closing
 * again freezes a new snapshot.
 */
export const QuarterSnapshot = model
  .define("quarter_snapshot", {
    id: model.id({ prefix: "iqs" }).primaryKey(),
    commune_code: model.text(),
    province_code: model.text(),
    quarter: model.text(),
    indicators: model.json(),
    closed_by: model.text(),
    closed_at: model.dateTime(),
    reopened_by: model.text().nullable(),
    reopened_at: model.dateTime().nullable(),
    reopen_reason: model.text().nullable(),
  })
  .indexes([{ on: ["commune_code", "quarter"] }])
