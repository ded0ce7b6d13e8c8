import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { officerArea } from "../../../../lib/indicators/area"
import {
  allCountedItems,
  closedSnapshot,
  parseQuarterParam,
  readIndicators,
} from "../../../../lib/indicators/read"
import { closeQuarterWorkflow } from "../../../../workflows/quarters"
import { requestActor } from "../../../utils/audit-actor"
import { conflict } from "../../../utils/errors"

/**
 * A commune officer closes a quarter (`{ quarter }`): its indicators and what each counted are
 * frozen as they are now, and later changes to the sources no longer alter that quarter.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const quarter = parseQuarterParam((req.body as { quarter?: unknown } | undefined)?.quarter)
  const { area, describe } = await officerArea(req)
  const communeCode = area.commune_code!
  const locking = req.scope.resolve(Modules.LOCKING)
  const snapshot = await locking.execute(`indicators-close:${communeCode}:${quarter}`, async () => {
    if (await closedSnapshot(req.scope, communeCode, quarter)) {
      throw conflict(
        { vi: `Quý ${quarter} đã được chốt`, en: `Quarter ${quarter} is already closed` },
        "quarter",
      )
    }
    const [{ values }, counted] = await Promise.all([
      readIndicators(req.scope, { commune_code: communeCode }, quarter),
      allCountedItems(req.scope, communeCode, quarter),
    ])
    const { result } = await closeQuarterWorkflow(req.scope).run({
      input: {
        snapshot: {
          commune_code: communeCode,
          province_code: describe.province.code,
          quarter,
          indicators: { values, counted },
          closed_by: `${req.auth_context.actor_type}:${req.auth_context.actor_id}`,
        },
        actor: requestActor(req),
      },
    })
    return result
  })
  res.status(201).json({
    quarter,
    commune_code: communeCode,
    closed_at: snapshot.closed_at,
    closed_by: snapshot.closed_by,
  })
}
