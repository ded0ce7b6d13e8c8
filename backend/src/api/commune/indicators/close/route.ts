import { quarterRange } from "@coop/contracts/quarters"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { officerArea } from "../../../../lib/indicators/area"
import {
  allCountedItems,
  closedSnapshot,
  parseQuarterParam,
  quarterEndOf,
  readIndicators,
} from "../../../../lib/indicators/read"
import { closeQuarterWorkflow } from "../../../../workflows/quarters"
import { communeAccess } from "../../../utils/access"
import { requestActor } from "../../../utils/audit-actor"
import { conflict } from "../../../utils/errors"

/**
 * A commune officer closes a past quarter (`{ quarter }`): its indicators and what each counted
 * are frozen as they stood at the quarter's last moment (Vietnam time), whenever it is closed,
 * and later changes to the sources no longer alter that quarter. The current quarter cannot be
 * closed before it ends: its figures are still moving.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const quarter = parseQuarterParam((req.body as { quarter?: unknown } | undefined)?.quarter)
  const end = quarterEndOf(quarter)
  if (!end) {
    const next = quarterRange(quarter)!.end
    throw conflict(
      {
        vi: `Quý ${quarter} chưa kết thúc: chỉ chốt được từ ${vietnamDateTime(next)} (giờ Việt Nam)`,
        en: `Quarter ${quarter} has not ended: it can be closed from ${vietnamDateTime(next)} (Vietnam time)`,
      },
      "quarter",
    )
  }
  const { area, describe } = await officerArea(
    req.scope,
    communeAccess(req),
    req.query.commune_code,
  )
  const communeCode = area.commune_code!
  const locking = req.scope.resolve(Modules.LOCKING)
  const snapshot = await locking.execute(`indicators-close:${communeCode}:${quarter}`, async () => {
    if (await closedSnapshot(req.scope, communeCode, quarter)) {
      throw conflict(
        { vi: `Quý ${quarter} đã được chốt`, en: `Quarter ${quarter} is already closed` },
        "quarter",
      )
    }
    // A past quarter reads as it stood at its end (lib/indicators/read.ts).
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

/** "00:00 01/01/2027": a moment as Vietnam's clocks showed it. */
const vietnamDateTime = (at: Date) =>
  new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(at)
