import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"
import { SELLER_NOTIFY_MODULE } from "../../modules/seller-notify"
import type SellerNotifyModuleService from "../../modules/seller-notify/service"
import { availableChannels, type Channel, zaloTemplates } from "../notification-config"
import { deliverDue } from "./deliver"
import type { Params, Template } from "./messages"

interface Sql {
  raw<T = unknown>(sql: string, bindings?: unknown[]): Promise<{ rows: T[] }>
}

export interface Notice {
  seller_id: string
  template: Template
  /** The fact told, e.g. "new_order:opart_…": told once per channel and recipient, ever. */
  dedupe_key: string
  params: Params
}

// Not lib/seller-queries' ownerEmails: that file loads workflows, which tests must not load twice.
const ownerEmails = async (sellers: SellerModuleService, sellerId: string) =>
  (
    await sellers.listSellerMembers(
      { seller: { id: sellerId }, role: "owner" },
      { select: ["email"] },
    )
  ).map((m) => m.email)

/** The seller's choice, or the default: e-mail only. */
export async function sellerChannels(container: MedusaContainer, sellerId: string) {
  const notify = container.resolve<SellerNotifyModuleService>(SELLER_NOTIFY_MODULE)
  const [setting] = await notify.listNotificationSettings({ seller_id: sellerId })
  return {
    email: setting?.email ?? true,
    sms: setting?.sms ?? false,
    zalo: setting?.zalo ?? false,
    phone: setting?.phone ?? null,
  }
}

/**
 * Queues notices: one row per channel the seller chose and this platform has a provider for,
 * and per recipient (e-mail: the seller's address and its owners'; SMS and Zalo: the chosen
 * phone). A notice already queued (same fact, channel and recipient) is left as it is, so
 * repeated events and repeated job runs tell a fact once. Returns the number of new rows.
 */
export async function enqueueNotices(container: MedusaContainer, notices: Notice[]) {
  if (!notices.length) return 0
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Sql
  const available = availableChannels()
  const templates = zaloTemplates()
  let created = 0
  for (const notice of notices) {
    const [seller] = await sellers.listSellers(
      { id: notice.seller_id },
      { select: ["id", "email"] },
    )
    if (!seller) continue
    const chosen = await sellerChannels(container, notice.seller_id)
    const rows: { channel: Channel; recipient: string }[] = []
    if (chosen.email && available.email) {
      const emails = new Set(
        [seller.email, ...(await ownerEmails(sellers, notice.seller_id))]
          .filter((e): e is string => !!e)
          .map((e) => e.toLowerCase()),
      )
      for (const recipient of emails) rows.push({ channel: "email", recipient })
    }
    if (chosen.phone && chosen.sms && available.sms) {
      rows.push({ channel: "sms", recipient: chosen.phone })
    }
    if (chosen.phone && chosen.zalo && available.zalo && templates[notice.template]) {
      rows.push({ channel: "zalo", recipient: chosen.phone })
    }
    // Due from now, to the millisecond: deliverDue compares with a JavaScript Date (milliseconds),
    // and a row stamped with PostgreSQL's microseconds in the same millisecond as the round that
    // follows it was not due yet and waited for the next job run.
    for (const row of rows) {
      const { rows: inserted } = await sql.raw(
        `INSERT INTO notification_delivery
           (id, seller_id, channel, recipient, template, dedupe_key, params, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, date_trunc('milliseconds', now()))
         ON CONFLICT (dedupe_key, channel, recipient) WHERE deleted_at IS NULL DO NOTHING
         RETURNING id`,
        [
          generateEntityId(undefined, "ndel"),
          notice.seller_id,
          row.channel,
          row.recipient,
          notice.template,
          notice.dedupe_key,
          JSON.stringify(notice.params),
        ],
      )
      created += inserted.length
    }
  }
  return created
}

/** Queues and, right away, tries the due deliveries; never throws (a notice must not fail its cause). */
export async function notifySellers(container: MedusaContainer, notices: Notice[]) {
  const log = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  try {
    const created = await enqueueNotices(container, notices)
    if (created) {
      await deliverDue(container)
    }
  } catch (error) {
    log.warn(`Seller notifications not queued: ${(error as Error).message}`)
  }
}
