import { model } from "@medusajs/framework/utils"

/**
 * Where one seller wants its notices: e-mail (the seller's and its owners' addresses), SMS and
 * Zalo (to `phone`, a Vietnamese mobile number stored as 84xxxxxxxxx). A seller without a row gets
 * e-mail only. Chosen by the seller's owner (PUT /seller/notification-settings).
 */
export const NotificationSetting = model.define("notification_setting", {
  id: model.id({ prefix: "nset" }).primaryKey(),
  seller_id: model.text().unique(),
  email: model.boolean().default(true),
  sms: model.boolean().default(false),
  zalo: model.boolean().default(false),
  phone: model.text().nullable(),
})
