import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import VietQrProviderService from "./service"

export * from "./bank-notification"
export * from "./part"
export * from "./payload"
export * from "./qr-svg"
export {
  VIETQR_PROVIDER_ID,
  VIETQR_PROVIDER_IDENTIFIER,
  type VietQrPaymentData,
  type VietQrRefund,
  type VietQrTransferStatus,
  vietQrStatus,
} from "./service"
export { VietQrProviderService }

/** Payment module provider: `{ resolve: "./src/modules/vietqr", id: "vietqr" }` -> pp_vietqr_vietqr. */
export default ModuleProvider(Modules.PAYMENT, { services: [VietQrProviderService] })
