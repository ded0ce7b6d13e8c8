import { model } from "@medusajs/framework/utils"

/** One write by a seller member, helper, officer or operator: who, for whom, what, when. */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    actor_type: model.text(),
    actor_id: model.text(),
    // The seller a helper acted for; null when the actor acted for itself.
    on_behalf_of: model.text().nullable(),
    seller_id: model.text().nullable(),
    commune_code: model.text().nullable(),
    action: model.text(),
    resource_type: model.text(),
    resource_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["seller_id", "created_at"] }, { on: ["commune_code", "created_at"] }])
