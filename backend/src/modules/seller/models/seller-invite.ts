import { model } from "@medusajs/framework/utils"
import { Seller } from "./seller"

/** An emailed invitation to join a seller as staff; only a hash of its token is stored. */
export const SellerInvite = model.define("seller_invite", {
  id: model.id({ prefix: "sinv" }).primaryKey(),
  email: model.text(),
  token_hash: model.text().unique(),
  expires_at: model.dateTime(),
  accepted_at: model.dateTime().nullable(),
  invited_by: model.text(),
  seller: model.belongsTo(() => Seller, { mappedBy: "invites" }),
})
