import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { SELLER_NOTIFY_MODULE } from "../modules/seller-notify"
import type SellerNotifyModuleService from "../modules/seller-notify/service"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"

export interface NotificationSettingsInput {
  seller_id: string
  commune_code: string | null
  settings: { email: boolean; sms: boolean; zalo: boolean; phone: string | null }
  actor: AuditActor
}

type Saved = { id: string; email: boolean; sms: boolean; zalo: boolean; phone: string | null }

/** Writes the seller's channel choice (one row per seller); the previous one comes back on rollback. */
const saveNotificationSettingsStep = createStep(
  "save-notification-settings",
  async (input: NotificationSettingsInput, { container }) => {
    const notify = container.resolve<SellerNotifyModuleService>(SELLER_NOTIFY_MODULE)
    const [before] = await notify.listNotificationSettings({ seller_id: input.seller_id })
    const saved = before
      ? await notify.updateNotificationSettings({ id: before.id, ...input.settings })
      : await notify.createNotificationSettings({ seller_id: input.seller_id, ...input.settings })
    return new StepResponse(saved as Saved, {
      id: saved.id,
      before: before
        ? { email: before.email, sms: before.sms, zalo: before.zalo, phone: before.phone }
        : null,
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const notify = container.resolve<SellerNotifyModuleService>(SELLER_NOTIFY_MODULE)
    if (undo.before) await notify.updateNotificationSettings({ id: undo.id, ...undo.before })
    else await notify.deleteNotificationSettings(undo.id)
  },
)

/** The owner chooses where the seller's notices go (e-mail, SMS, Zalo and the phone number). */
export const updateNotificationSettingsWorkflow = createWorkflow(
  "update-notification-settings",
  (input: NotificationSettingsInput) => {
    const saved = saveNotificationSettingsStep(input)
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "seller.notification_settings",
        resource_type: "seller",
        resource_id: input.seller_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { ...input.settings },
      })),
    )
    return new WorkflowResponse(saved)
  },
)
