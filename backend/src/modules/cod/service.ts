import type { OfflinePaymentData, OfflineRefund } from "../../lib/offline-payment-provider"
import { OfflinePaymentProvider, offlinePaymentStatus } from "../../lib/offline-payment-provider"

/**
 * Cash on delivery (thanh toán khi nhận hàng). Medusa's view of one payment:
 *
 * - initiate: a session { status: "pending", amount, currency_code } (VND only);
 * - authorize: at once, the order is placed and the cash will be collected at the door
 *   (`collection_status: "awaiting_delivery"`);
 * - capture: when the parcel is delivered and the cash collected (`captured_at`,
 *   `collection_status: "collected"`); capturing again keeps the first `captured_at`;
 * - cancel: before capture only (`canceled_at`);
 * - refund: records cash handed back to the buyer in `refunds`.
 *
 * Registered as `{ resolve: "./src/modules/cod", id: "cod" }` among the payment module's
 * providers, its id is `pp_cod_cod`. No options. The logic is OfflinePaymentProvider's
 * (src/lib/offline-payment-provider.ts), shared with VietQR.
 */

export type CodCollectionStatus = "awaiting_delivery" | "collected" | "canceled"

export type CodRefund = OfflineRefund

export type CodPaymentData = OfflinePaymentData<"collection_status", CodCollectionStatus>

export type CodProviderOptions = Record<string, unknown>

export const COD_PROVIDER_IDENTIFIER = "cod"
export const COD_PROVIDER_ID = "pp_cod_cod"

/** Medusa's status of a cash-on-delivery session or payment, from its data. */
export const codStatus = offlinePaymentStatus

export default class CodProviderService extends OfflinePaymentProvider<
  "collection_status",
  CodCollectionStatus
> {
  static identifier = COD_PROVIDER_IDENTIFIER

  // Cash has no third party to send webhooks (getWebhookActionAndData: not supported).
  protected readonly offline = {
    sessionIdPrefix: "cod_",
    settlementField: "collection_status",
    settlement: { authorized: "awaiting_delivery", captured: "collected", canceled: "canceled" },
    name: "cash-on-delivery",
    vndOnly: "Cash on delivery is collected",
    alreadyCaptured: "The cash was already collected",
    refundable: "collected cash",
  } as const
}
