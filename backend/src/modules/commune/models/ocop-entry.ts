import { model } from "@medusajs/framework/utils"

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const OCOP_GROUPS = [
  "food",
  "beverage",
  "herbal",
  "textile",
  "souvenir_furniture_decoration",
  "rural_tourism_service",
] as const

export const ISSUING_LEVELS = ["commune", "district", "province", "central"] as const

/** One OCOP-certified product in a commune's registry, linked to the listing that sells it. */
export const OcopEntry = model
  .define("ocop_entry", {
    id: model.id({ prefix: "ocop" }).primaryKey(),
    commune_code: model.text().index(),
    seller_id: model.text().index(),
    product_name: model.text(),
    group: model.enum([...OCOP_GROUPS]),
    stars: model.number(),
    certificate_number: model.text(),
    decision_number: model.text().nullable(),
    issuing_level: model.enum([...ISSUING_LEVELS]),
    issued_on: model.dateTime(),
    expires_on: model.dateTime(),
    // The listed product that sells this entry; one registry entry per listing at most.
    product_id: model.text().nullable(),
  })
  .indexes([
    { on: ["product_id"], unique: true, where: "product_id IS NOT NULL AND deleted_at IS NULL" },
    { on: ["commune_code", "certificate_number"], unique: true, where: "deleted_at IS NULL" },
  ])
