import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MailOutboxService from "./service"

/** Notification module provider: `{ resolve: "./src/modules/mail-outbox", id: "outbox" }`. */
export default ModuleProvider(Modules.NOTIFICATION, { services: [MailOutboxService] })
