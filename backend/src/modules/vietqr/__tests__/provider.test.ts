import { describeOfflineProvider } from "../../../lib/__tests__/offline-payment-provider"
import provider, { VIETQR_PROVIDER_ID } from "../index"
import VietQrProviderService from "../service"

describeOfflineProvider({
  title: "VietQR payment provider",
  provider,
  Service: VietQrProviderService,
  identifier: "vietqr",
  providerId: "pp_vietqr_vietqr",
  exportedProviderId: VIETQR_PROVIDER_ID,
  sessionId: /^vqr_[0-9a-f]{24}$/,
  // Authorized when the order is placed, captured when a seller part's transfer is confirmed.
  settlementField: "transfer_status",
  settlement: { authorized: "awaiting", captured: "received", canceled: "canceled" },
  titles: {
    refusals: "refuses to cancel a received transfer or refund one not received",
    webhooks: "leaves bank notifications to the platform's own route",
  },
  webhookPayload: { data: { id: "FT1" }, rawData: "{}", headers: {} },
  messages: {
    notVnd: 'VietQR bank transfers are in Vietnamese dong (VND) only, not "usd"',
    noData:
      "VietQR payment data has no amount or currency; was the session initiated by this provider?",
    authorizeCanceled: "This VietQR payment was canceled",
    captureCanceled: "A canceled VietQR payment cannot be captured",
    cancelCaptured: "The transfer was already received; refund it instead of canceling",
    refundUncaptured: "Only a received transfer can be refunded; cancel the payment instead",
  },
})
