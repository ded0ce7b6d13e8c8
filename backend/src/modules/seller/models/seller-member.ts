import { model } from "@medusajs/framework/utils"
import { Seller } from "./seller"

/** A person who works for one seller: its owner or staff. The `seller_member` auth actor. */
export const SellerMember = model.define("seller_member", {
  id: model.id({ prefix: "smem" }).primaryKey(),
  email: model.text().unique(),
  name: model.text(),
  phone: model.text().nullable(),
  role: model.enum(["owner", "staff"]),
  seller: model.belongsTo(() => Seller, { mappedBy: "members" }),
})
