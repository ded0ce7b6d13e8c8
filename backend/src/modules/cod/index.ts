import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import CodProviderService from "./service"

export {
  COD_PROVIDER_ID,
  COD_PROVIDER_IDENTIFIER,
  type CodCollectionStatus,
  type CodPaymentData,
  type CodRefund,
  codStatus,
} from "./service"
export { CodProviderService }

/** Payment module provider: `{ resolve: "./src/modules/cod", id: "cod" }` -> pp_cod_cod. */
export default ModuleProvider(Modules.PAYMENT, { services: [CodProviderService] })
