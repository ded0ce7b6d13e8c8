import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EsmsNotificationService from "./service"

/** Notification module provider for channel "sms": `{ resolve: "./src/modules/sms-esms", id: "esms" }`. */
export default ModuleProvider(Modules.NOTIFICATION, { services: [EsmsNotificationService] })
