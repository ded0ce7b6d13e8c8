import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dateOnlyToStored } from "../../../lib/dates"
import { defaultExpiry } from "../../../lib/ocop-certificate"
import { COMMUNE_MODULE } from "../../../modules/commune"
import type CommuneModuleService from "../../../modules/commune/service"
import { createOcopEntryWorkflow } from "../../../workflows/ocop-entries"
import { communeAccess } from "../../utils/access"
import { requestActor } from "../../utils/audit-actor"
import { parseInput } from "../../utils/validate"
import { entryAreaFilter } from "../area"
import { CreateOcopEntry, ListOcopEntries } from "../validators"
import { asConflict, checkEntry, entryViews, statusFilter } from "./registry"

/** The OCOP registry of the officer's commune (or every commune of a province officer). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { status, seller_id, limit, offset } = parseInput(ListOcopEntries, req.query)
  const communes = req.scope.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const [entries, count] = await communes.listAndCountOcopEntries(
    {
      ...(await entryAreaFilter(req)),
      ...statusFilter(status),
      ...(seller_id ? { seller_id } : {}),
    },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "ASC" } },
  )
  res.json({ ocop_entries: await entryViews(req, entries), count, limit, offset })
}

/** Registers a certified product; the certificate runs 36 months unless expires_on is given. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(CreateOcopEntry, req.body)
  const draft = {
    seller_id: body.seller_id,
    product_id: body.product_id ?? null,
    certificate_number: body.certificate_number,
    issued_on: body.issued_on,
    expires_on: body.expires_on ?? defaultExpiry(body.issued_on),
  }
  await checkEntry(req, draft)
  const { result } = await createOcopEntryWorkflow(req.scope)
    .run({
      input: {
        entry: {
          ...body,
          ...draft,
          commune_code: communeAccess(req).communeCode!,
          decision_number: body.decision_number ?? null,
          issued_on: dateOnlyToStored(draft.issued_on),
          expires_on: dateOnlyToStored(draft.expires_on),
        },
        actor: requestActor(req),
      },
    })
    .catch((error) => {
      throw asConflict(error)
    })
  const [entry] = await entryViews(req, [result])
  res.status(201).json({ ocop_entry: entry })
}
