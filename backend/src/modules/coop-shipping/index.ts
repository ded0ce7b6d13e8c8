import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import CoopShippingProviderService from "./service"

export default ModuleProvider(Modules.FULFILLMENT, { services: [CoopShippingProviderService] })
