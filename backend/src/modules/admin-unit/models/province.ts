import { model } from "@medusajs/framework/utils"

/**
 * A provincial unit (tỉnh or centrally-run thành phố) of the two-tier system in force since
 * 1 July 2025. Keyed by its official two-digit code, as Medusa keys countries by iso_2.
 */
export const Province = model.define(
  { name: "province", tableName: "admin_unit_province" },
  {
    code: model.text().primaryKey(),
    name: model.text().searchable(),
    kind: model.enum(["province", "city"]).default("province"),
  },
)
