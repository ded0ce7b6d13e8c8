import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ZnsNotificationService from "./service"

/** Notification module provider for channel "zalo": `{ resolve: "./src/modules/zalo-zns", id: "zns" }`. */
export default ModuleProvider(Modules.NOTIFICATION, { services: [ZnsNotificationService] })
