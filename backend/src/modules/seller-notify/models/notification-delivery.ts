import { model } from "@medusajs/framework/utils"

/**
 * One notice to one seller on one channel, queued (the outbox) and sent by the worker with
 * retries (src/lib/seller-notifications/deliver.ts). `dedupe_key` names the fact told
 * ("new_order:opart_…"), so telling it twice on a channel is impossible. `params` holds the
 * message's values, never a secret.
 */
export const NotificationDelivery = model
  .define("notification_delivery", {
    id: model.id({ prefix: "ndel" }).primaryKey(),
    seller_id: model.text().index(),
    channel: model.enum(["email", "sms", "zalo"]),
    recipient: model.text(),
    template: model.text(),
    dedupe_key: model.text(),
    params: model.json(),
    status: model.enum(["pending", "sent", "failed"]).default("pending"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime(),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["dedupe_key", "channel", "recipient"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"], where: "deleted_at IS NULL" },
  ])
