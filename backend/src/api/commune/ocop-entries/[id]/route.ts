import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dateOnlyToStored, storedToDateOnly } from "../../../../lib/dates"
import { defaultExpiry } from "../../../../lib/ocop-certificate"
import {
  deleteOcopEntryWorkflow,
  updateOcopEntryWorkflow,
} from "../../../../workflows/ocop-entries"
import type { OcopEntryData } from "../../../../workflows/steps/create-ocop-entry"
import { requestActor } from "../../../utils/audit-actor"
import { parseInput } from "../../../utils/validate"
import { entryInArea } from "../../area"
import { UpdateOcopEntry } from "../../validators"
import { asConflict, checkEntry, entryViews } from "../registry"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const entry = await entryInArea(req, req.params.id!)
  const [view] = await entryViews(req, [entry])
  res.json({ ocop_entry: view })
}

/**
 * Changes an entry. A new issue date without an expiry date renews the certificate for 36 months
 * from it; the combined result is checked as a whole, like a new entry.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(UpdateOcopEntry, req.body)
  const entry = await entryInArea(req, req.params.id!)
  const issuedOn = body.issued_on ?? storedToDateOnly(entry.issued_on)
  const expiresOn =
    body.expires_on ??
    (body.issued_on ? defaultExpiry(body.issued_on) : storedToDateOnly(entry.expires_on))
  await checkEntry(
    req,
    {
      seller_id: body.seller_id ?? entry.seller_id,
      product_id: body.product_id === undefined ? entry.product_id : body.product_id,
      certificate_number: body.certificate_number ?? entry.certificate_number,
      issued_on: issuedOn,
      expires_on: expiresOn,
    },
    entry.id,
  )
  const { issued_on: _i, expires_on: _e, ...rest } = body
  const update: Partial<OcopEntryData> = { ...rest }
  if (body.issued_on) update.issued_on = dateOnlyToStored(issuedOn)
  if (body.issued_on || body.expires_on) update.expires_on = dateOnlyToStored(expiresOn)
  const { result } = await updateOcopEntryWorkflow(req.scope)
    .run({ input: { id: entry.id, update, actor: requestActor(req) } })
    .catch((error) => {
      throw asConflict(error)
    })
  const [view] = await entryViews(req, [result])
  res.json({ ocop_entry: view })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const entry = await entryInArea(req, req.params.id!)
  await deleteOcopEntryWorkflow(req.scope).run({
    input: {
      id: entry.id,
      seller_id: entry.seller_id,
      commune_code: entry.commune_code,
      certificate_number: entry.certificate_number,
      actor: requestActor(req),
    },
  })
  res.json({ id: entry.id, object: "ocop_entry", deleted: true })
}
