import { model } from "@medusajs/framework/utils"

/**
 * A village (thôn) or residential group (tổ dân phố) inside a commune. There is no national
 * code for them: the code is whatever the imported file gives, unique across the country
 * (by convention the commune code, a dash and a number: "02923-01").
 */
export const Village = model
  .define(
    { name: "village", tableName: "admin_unit_village" },
    {
      code: model.text().primaryKey(),
      name: model.text().searchable(),
      commune_code: model.text(),
    },
  )
  .indexes([{ on: ["commune_code"] }])
