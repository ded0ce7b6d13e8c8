import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { maskPhone, ProviderError, postJson } from "../../lib/seller-notifications/http"
import { foldForSms } from "../../lib/seller-notifications/messages"

export interface EsmsOptions {
  apiKey: string
  secretKey: string
  brandname: string
  /** https://rest.esms.vn unless a stand-in is named (the tests'). */
  baseUrl?: string
  /** "2": customer-care brandname messages (eSMS's SmsType). */
  smsType?: string
  /** Send with Vietnamese diacritics (Unicode SMS: 70 characters a part instead of 160). */
  unicode?: boolean
}

const PATH = "/MainService.svc/json/SendMultipleMessage_V4_post_json/"

/**
 * SMS through eSMS.vn's JSON API, "SendMultipleMessage_V4_post_json" (docs/notifications.md):
 * the API key and secret key travel in the JSON body; `CodeResult` "100" means accepted, any
 * other code is a failure the worker retries. Channel "sms"; `to` is 84xxxxxxxxx.
 */
export default class EsmsNotificationService extends AbstractNotificationProviderService {
  static identifier = "esms"
  protected logger_: Logger
  protected options_: EsmsOptions

  constructor({ logger }: { logger: Logger }, options: EsmsOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
  }

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["apiKey", "secretKey", "brandname"]) {
      if (!options[key]) throw new Error(`eSMS provider: option ${key} is required`)
    }
  }

  async send(
    notification: ProviderSendNotificationDTO,
  ): Promise<ProviderSendNotificationResultsDTO> {
    const text = notification.content?.text ?? ""
    const requestId = String(notification.data?.delivery_id ?? "")
    const base = (this.options_.baseUrl ?? "https://rest.esms.vn").replace(/\/$/, "")
    const answer = (await postJson(`${base}${PATH}`, {
      ApiKey: this.options_.apiKey,
      SecretKey: this.options_.secretKey,
      Brandname: this.options_.brandname,
      SmsType: this.options_.smsType ?? "2",
      Phone: notification.to,
      Content: this.options_.unicode ? text : foldForSms(text),
      IsUnicode: this.options_.unicode ? "1" : "0",
      RequestId: requestId,
    })) as { CodeResult?: string; SMSID?: string; ErrorMessage?: string }
    if (answer?.CodeResult !== "100") {
      throw new ProviderError(`eSMS CodeResult ${answer?.CodeResult ?? "missing"}`)
    }
    this.logger_.info(
      `SMS ${answer.SMSID ?? ""} to ${maskPhone(notification.to)} (${notification.template})`,
    )
    return { id: answer.SMSID }
  }
}
