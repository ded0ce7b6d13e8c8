import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { type Params, render } from "./messages"

interface Sql {
  raw<T = unknown>(sql: string, bindings?: unknown[]): Promise<{ rows: T[] }>
}

interface Row {
  id: string
  channel: string
  recipient: string
  template: string
  params: Params
  attempts: number
}

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last, the notice is given up. */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 720]
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1
/** A claimed row is not taken by another worker for this long (a crashed worker's rows come back). */
const LEASE_MINUTES = 2

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000)

/**
 * Sends the due notices through Medusa's notification module (each attempt is one notification
 * record there, with the provider's answer). Rows are claimed with SKIP LOCKED, so the server
 * and several workers never send one twice. A failure waits BACKOFF_MINUTES; the error kept and
 * logged is the provider's status or code only (providers never put credentials in errors).
 */
export async function deliverDue(
  container: MedusaContainer,
  { now = new Date(), limit = 50 }: { now?: Date; limit?: number } = {},
) {
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const log = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const { rows } = await sql.raw<Row>(
    `UPDATE notification_delivery SET next_attempt_at = ?, updated_at = now()
     WHERE id IN (
       SELECT id FROM notification_delivery
       WHERE status = 'pending' AND deleted_at IS NULL AND next_attempt_at <= ?
       ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
     RETURNING id, channel, recipient, template, params, attempts`,
    [addMinutes(now, LEASE_MINUTES), now, limit],
  )
  let sent = 0
  for (const row of rows) {
    const attempts = row.attempts + 1
    try {
      await notifications.createNotifications({
        to: row.recipient,
        channel: row.channel,
        template: row.template,
        content: render(row.template, row.params),
        data: { delivery_id: row.id, params: row.params },
        resource_type: "notification_delivery",
        resource_id: row.id,
      })
      await sql.raw(
        `UPDATE notification_delivery
         SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL, updated_at = now()
         WHERE id = ?`,
        [attempts, now, row.id],
      )
      sent++
    } catch (error) {
      const reason = providerReason(error)
      const giveUp = attempts >= MAX_ATTEMPTS
      await sql.raw(
        `UPDATE notification_delivery
         SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = now()
         WHERE id = ?`,
        [
          giveUp ? "failed" : "pending",
          attempts,
          reason,
          addMinutes(now, BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1]!),
          row.id,
        ],
      )
      log.warn(
        `Notification ${row.id} (${row.channel}, ${row.template}) attempt ${attempts} failed: ${reason}${giveUp ? "; given up" : ""}`,
      )
    }
  }
  return { claimed: rows.length, sent }
}

/** Medusa wraps a provider's error as "Failed to send notification with id …:\n<reason>". */
function providerReason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error)
  const lines = message.split("\n").filter(Boolean)
  return (lines.at(-1) ?? "error").slice(0, 300)
}
