import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmtpNotificationService from "./service"

/** Notification module provider for channel "email": `{ resolve: "./src/modules/mail-smtp", id: "smtp" }`. */
export default ModuleProvider(Modules.NOTIFICATION, { services: [SmtpNotificationService] })
