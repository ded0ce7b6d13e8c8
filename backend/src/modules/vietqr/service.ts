import type { OfflinePaymentData, OfflineRefund } from "../../lib/offline-payment-provider"
import { OfflinePaymentProvider, offlinePaymentStatus } from "../../lib/offline-payment-provider"

export { toAmount } from "../../lib/offline-payment-provider"

/**
 * VietQR bank transfer, paid straight to each seller's own account (the platform never holds
 * the buyer's money). Medusa's view of one payment:
 *
 * - initiate: a session { status: "pending", amount, currency_code } (VND only);
 * - authorize: as soon as the order is placed. The order exists, the transfer is awaited
 *   (`transfer_status: "awaiting"`); the storefront shows one QR per seller part (vietQrForPart);
 * - capture: when the money is confirmed, by the seller confirming receipt or by a signed bank
 *   notification (`captured_at`, `transfer_status: "received"`). Capturing again (e.g. one
 *   partial capture per seller part) keeps the first `captured_at`;
 * - cancel: before capture only (`canceled_at`);
 * - refund: the seller returns the money by bank transfer; the platform only records it in
 *   `refunds`.
 *
 * Registered as `{ resolve: "./src/modules/vietqr", id: "vietqr" }` among the payment module's
 * providers, its id is `pp_vietqr_vietqr`. No options. The logic is OfflinePaymentProvider's
 * (src/lib/offline-payment-provider.ts), shared with cash on delivery.
 */

export type VietQrTransferStatus = "awaiting" | "received" | "canceled"

export type VietQrRefund = OfflineRefund

/** The provider's part of a session's / payment's `data`. */
export type VietQrPaymentData = OfflinePaymentData<"transfer_status", VietQrTransferStatus>

export type VietQrProviderOptions = Record<string, unknown>

export const VIETQR_PROVIDER_IDENTIFIER = "vietqr"
export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"

/** Medusa's status of a VietQR session or payment, from its data. */
export const vietQrStatus = offlinePaymentStatus

export default class VietQrProviderService extends OfflinePaymentProvider<
  "transfer_status",
  VietQrTransferStatus
> {
  static identifier = VIETQR_PROVIDER_IDENTIFIER

  /*
   * getWebhookActionAndData: not supported. A bank notification confirms the transfer for ONE
   * seller part of an order (each seller is paid to their own account), not a whole Medusa
   * payment, so the platform verifies and matches those notifications in its own route (see
   * bank-notification.ts) and captures from there, instead of through Medusa's
   * /hooks/payment/vietqr_vietqr.
   */
  protected readonly offline = {
    sessionIdPrefix: "vqr_",
    settlementField: "transfer_status",
    settlement: { authorized: "awaiting", captured: "received", canceled: "canceled" },
    name: "VietQR",
    vndOnly: "VietQR bank transfers are",
    alreadyCaptured: "The transfer was already received",
    refundable: "a received transfer",
  } as const
}
