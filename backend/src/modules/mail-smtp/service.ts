import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { ProviderError } from "../../lib/seller-notifications/http"

export interface SmtpOptions {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean
  user?: string
  password?: string
  from: string
}

/**
 * E-mail through an SMTP server (RFC 5321, AUTH per RFC 4954) with nodemailer. Channel "email":
 * with SMTP_HOST set it takes the place of the development outbox, so invitations, helper grants
 * and profile reviews go out by mail too. `content.subject` and `content.text` are the mail;
 * like the outbox, it logs only the recipient, template and subject.
 */
export default class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"
  protected logger_: Logger
  protected transport_: Transporter
  protected from_: string

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.logger_ = logger
    this.from_ = options.from
    this.transport_ = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure ?? options.port === 465,
      auth: options.user ? { user: options.user, pass: options.password ?? "" } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    })
  }

  static validateOptions(options: Record<string, unknown>) {
    if (!options.host || !options.from) throw new Error("SMTP provider: host and from are required")
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    const subject = notification.content?.subject ?? notification.template
    try {
      const info = await this.transport_.sendMail({
        from: notification.from ?? this.from_,
        to: notification.to,
        subject,
        text: notification.content?.text ?? "",
        ...(notification.content?.html ? { html: notification.content.html } : {}),
      })
      this.logger_.info(
        `Mail ${info.messageId} to ${notification.to} (${notification.template}): ${subject}`,
      )
      return { id: info.messageId }
    } catch (error) {
      // nodemailer's errors name the SMTP reply code, never the password.
      const e = error as { code?: string; responseCode?: number }
      throw new ProviderError(`SMTP ${e.responseCode ?? e.code ?? "error"}`)
    }
  }
}
