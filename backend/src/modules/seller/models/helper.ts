import { model } from "@medusajs/framework/utils"
import { HelperGrant } from "./helper-grant"

/** A member of a village's community tech team (Tổ công nghệ số cộng đồng); the `helper` actor. */
export const Helper = model.define("helper", {
  id: model.id({ prefix: "hlp" }).primaryKey(),
  email: model.text().unique(),
  name: model.text(),
  phone: model.text().nullable(),
  commune_code: model.text().nullable(),
  grants: model.hasMany(() => HelperGrant, { mappedBy: "helper" }),
})
