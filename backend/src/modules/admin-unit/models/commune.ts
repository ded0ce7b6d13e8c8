import { model } from "@medusajs/framework/utils"

/**
 * A commune-level unit (xã, phường or đặc khu), keyed by its official five-digit code.
 * The district it belonged to before 1 July 2025 is kept only as history.
 */
export const Commune = model
  .define(
    { name: "commune", tableName: "admin_unit_commune" },
    {
      code: model.text().primaryKey(),
      name: model.text().searchable(),
      kind: model.enum(["commune", "ward", "special_zone"]).default("commune"),
      province_code: model.text(),
      former_district: model.text().nullable(),
    },
  )
  .indexes([{ on: ["province_code"] }])
