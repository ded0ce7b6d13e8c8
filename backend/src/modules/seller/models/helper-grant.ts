import { model } from "@medusajs/framework/utils"
import { Helper } from "./helper"
import { Seller } from "./seller"

/** A seller's permission for a helper to act on its behalf, until revoked. */
export const HelperGrant = model
  .define("helper_grant", {
    id: model.id({ prefix: "hgr" }).primaryKey(),
    granted_by: model.text(),
    // A grant is live only once accepted with the one-time token mailed to the helper's address:
    // an account registered under someone else's e-mail never sees that token.
    token_hash: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
    accepted_at: model.dateTime().nullable(),
    revoked_at: model.dateTime().nullable(),
    revoked_by: model.text().nullable(),
    seller: model.belongsTo(() => Seller, { mappedBy: "helper_grants" }),
    helper: model.belongsTo(() => Helper, { mappedBy: "grants" }),
  })
  .indexes([
    // At most one live grant per seller and helper; revoked ones stay as history.
    {
      on: ["seller_id", "helper_id"],
      unique: true,
      where: "revoked_at IS NULL AND deleted_at IS NULL",
    },
  ])
