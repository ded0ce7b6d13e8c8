import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { maskPhone, ProviderError, postJson } from "../../lib/seller-notifications/http"

export interface ZnsOptions {
  accessToken: string
  /** Our template names ("new_order") to the ZNS template ids approved for the Official Account. */
  templates: Record<string, string>
  /** https://business.openapi.zalo.me unless a stand-in is named (the tests'). */
  baseUrl?: string
}

/**
 * Zalo Notification Service template messages (docs/notifications.md): POST /message/template
 * with the Official Account's `access_token` header and `{phone, template_id, template_data,
 * tracking_id}`; `error` 0 means sent, any other value is a failure the worker retries. Channel
 * "zalo"; `to` is 84xxxxxxxxx; `data.params` fills the template (values as strings).
 */
export default class ZnsNotificationService extends AbstractNotificationProviderService {
  static identifier = "zalo-zns"
  protected logger_: Logger
  protected options_: ZnsOptions

  constructor({ logger }: { logger: Logger }, options: ZnsOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
  }

  static validateOptions(options: Record<string, unknown>) {
    if (!options.accessToken) throw new Error("Zalo ZNS provider: option accessToken is required")
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    const templateId = this.options_.templates[notification.template]
    if (!templateId) {
      throw new ProviderError(`no ZNS template configured for ${notification.template}`)
    }
    const params = (notification.data?.params ?? {}) as Record<string, unknown>
    const base = (this.options_.baseUrl ?? "https://business.openapi.zalo.me").replace(/\/$/, "")
    const answer = (await postJson(
      `${base}/message/template`,
      {
        phone: notification.to,
        template_id: templateId,
        template_data: Object.fromEntries(
          Object.entries(params).map(([key, value]) => [key, String(value)]),
        ),
        tracking_id: String(notification.data?.delivery_id ?? ""),
      },
      { access_token: this.options_.accessToken },
    )) as { error?: number; data?: { msg_id?: string } }
    if (answer?.error !== 0) throw new ProviderError(`ZNS error ${answer?.error ?? "missing"}`)
    this.logger_.info(
      `Zalo ZNS ${answer.data?.msg_id ?? ""} to ${maskPhone(notification.to)} (${notification.template})`,
    )
    return { id: answer.data?.msg_id }
  }
}
