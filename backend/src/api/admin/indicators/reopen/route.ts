import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "zod"
import { closedSnapshot, parseQuarterParam } from "../../../../lib/indicators/read"
import { reopenQuarterWorkflow } from "../../../../workflows/quarters"
import { requestActor } from "../../../utils/audit-actor"
import { notFound } from "../../../utils/errors"
import { parseInput } from "../../../utils/validate"

const Reopen = z.strictObject({
  commune_code: z.string().regex(/^[0-9]{5}$/),
  quarter: z.string(),
  reason: z.string().trim().min(5).max(500),
})

/** The operator reopens a commune's closed quarter, with a reason kept in the audit log. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(Reopen, req.body)
  const quarter = parseQuarterParam(body.quarter)
  const snapshot = await closedSnapshot(req.scope, body.commune_code, quarter)
  if (!snapshot) {
    throw notFound({
      vi: `Quý ${quarter} của xã ${body.commune_code} chưa được chốt`,
      en: `Quarter ${quarter} of commune ${body.commune_code} is not closed`,
    })
  }
  await reopenQuarterWorkflow(req.scope).run({
    input: {
      id: snapshot.id,
      commune_code: body.commune_code,
      quarter,
      reason: body.reason,
      actor: requestActor(req),
    },
  })
  res.json({ commune_code: body.commune_code, quarter, reopened: true })
}
