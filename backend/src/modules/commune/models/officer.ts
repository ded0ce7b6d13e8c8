import { model } from "@medusajs/framework/utils"

/**
 * A commune officer (keeps one commune's registry) or a province officer (reads one province).
 * The same record backs the `commune_officer` and `province_officer` auth actors.
 */
export const Officer = model.define("officer", {
  id: model.id({ prefix: "off" }).primaryKey(),
  email: model.text().unique(),
  name: model.text(),
  level: model.enum(["commune", "province"]),
  commune_code: model.text().nullable(),
  province_code: model.text(),
})
