import { ISSUING_LEVELS, OCOP_GROUPS } from "@coop/contracts/ocop"
import { model } from "@medusajs/framework/utils"

export { ISSUING_LEVELS, OCOP_GROUPS }

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
