import { randomUUID } from "node:crypto"
import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { keep } from "./outbox"

/**
 * The development mail provider (channel "email"), in place of Medusa's notification-local,
 * which logs each notification's whole `data`. Mails that carry a secret (an invitation's or a
 * helper grant's accept link) put it only in `content`, which Medusa hands to the provider but
 * never stores; this provider logs only the recipient, template and subject, and keeps the
 * rendered mail in the process's outbox (outbox.ts). With MAIL_OUTBOX_DIR set, each mail is
 * also written there as a JSON file readable by its owner only: the development mailbox that
 * browser tests and `npm start` users open. A real mail provider replaces it in production.
 */
export default class MailOutboxService extends AbstractNotificationProviderService {
  static identifier = "mail-outbox"
  protected logger_: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger_ = logger
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    const id = randomUUID()
    const subject =
      notification.content?.subject ??
      (typeof notification.data?.subject === "string" ? notification.data.subject : null)
    const mail = {
      id,
      to: notification.to,
      template: notification.template,
      subject,
      text: notification.content?.text ?? null,
      sent_at: new Date().toISOString(),
    }
    keep(mail)
    const dir = process.env.MAIL_OUTBOX_DIR?.trim()
    if (dir) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writeFile(
        join(dir, `${mail.sent_at.replace(/[:.]/g, "-")}-${id}.json`),
        JSON.stringify(mail),
        {
          mode: 0o600,
        },
      )
    }
    this.logger_.info(
      `Mail ${id} to ${notification.to} (${notification.template}): ${subject ?? ""}`,
    )
    return { id }
  }
}
