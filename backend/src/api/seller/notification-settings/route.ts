import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "zod"
import { availableChannels } from "../../../lib/notification-config"
import { sellerChannels } from "../../../lib/seller-notifications/enqueue"
import { normalizeVnMobile } from "../../../lib/seller-notifications/messages"
import { updateNotificationSettingsWorkflow } from "../../../workflows/update-notification-settings"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { badRequest } from "../../utils/errors"
import { parseInput } from "../../utils/validate"

const mobile = z
  .string()
  .max(20)
  .refine(
    (v) => normalizeVnMobile(v) !== null,
    "Số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09|A Vietnamese mobile number has 10 digits starting with 03, 05, 07, 08 or 09",
  )

const NotificationSettings = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  zalo: z.boolean().optional(),
  phone: z.union([mobile, z.null()]).optional(),
})

/** Where the seller's notices go, and which channels this platform can send on. Owner only. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  res.json({
    settings: await sellerChannels(req.scope, access.sellerId),
    available: availableChannels(),
  })
}

/**
 * Changes the choice (fields left out keep their value). SMS and Zalo need a Vietnamese mobile
 * number, stored as 84xxxxxxxxx; a channel this platform has no provider for cannot be chosen.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = parseInput(NotificationSettings, req.body)
  const access = sellerAccess(req)
  const current = await sellerChannels(req.scope, access.sellerId)
  const next = {
    email: input.email ?? current.email,
    sms: input.sms ?? current.sms,
    zalo: input.zalo ?? current.zalo,
    phone:
      input.phone === undefined
        ? current.phone
        : input.phone === null
          ? null
          : normalizeVnMobile(input.phone),
  }
  const available = availableChannels()
  for (const channel of ["sms", "zalo"] as const) {
    if (input[channel] && !available[channel]) {
      throw badRequest(channel, {
        vi: `Nền tảng chưa cấu hình kênh ${channel === "sms" ? "SMS" : "Zalo"}`,
        en: `This platform has no ${channel === "sms" ? "SMS" : "Zalo"} provider configured`,
      })
    }
  }
  if ((next.sms || next.zalo) && !next.phone) {
    throw badRequest("phone", {
      vi: "Cần số di động để nhận tin SMS hoặc Zalo",
      en: "SMS and Zalo notices need a mobile number",
    })
  }
  const { result } = await updateNotificationSettingsWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      settings: next,
      actor: sellerActor(access),
    },
  })
  res.json({
    settings: { email: result.email, sms: result.sms, zalo: result.zalo, phone: result.phone },
    available,
  })
}
