import { describeOfflineProvider } from "../../../lib/__tests__/offline-payment-provider"
import provider, { COD_PROVIDER_ID } from "../index"
import CodProviderService from "../service"

describeOfflineProvider({
  title: "cash-on-delivery payment provider",
  provider,
  Service: CodProviderService,
  identifier: "cod",
  providerId: "pp_cod_cod",
  exportedProviderId: COD_PROVIDER_ID,
  sessionId: /^cod_[0-9a-f]{24}$/,
  // Authorized when the order is placed, captured when the cash is collected at the door.
  settlementField: "collection_status",
  settlement: { authorized: "awaiting_delivery", captured: "collected", canceled: "canceled" },
  titles: {
    refusals: "refuses to cancel collected cash or refund cash not collected",
    webhooks: "has no webhooks",
  },
  webhookPayload: { data: {}, rawData: "", headers: {} },
  messages: {
    notVnd: 'Cash on delivery is collected in Vietnamese dong (VND) only, not "usd"',
    noData:
      "Cash-on-delivery payment data has no amount or currency; was the session initiated by this provider?",
    authorizeCanceled: "This cash-on-delivery payment was canceled",
    captureCanceled: "A canceled cash-on-delivery payment cannot be captured",
    cancelCaptured: "The cash was already collected; refund it instead of canceling",
    refundUncaptured: "Only collected cash can be refunded; cancel the payment instead",
  },
})
