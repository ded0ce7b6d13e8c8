import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceSummary } from "../../../lib/einvoice/store"
import { periodInvoices, readPeriod } from "./period"

/**
 * The seller's e-invoice data for a month (`?period=2026-12`): one invoice per paid part, made the
 * first time it is listed (src/lib/einvoice/store.ts). `settings_missing` names what the owner
 * must set first (tax code, invoice series); until then no invoice is made.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const period = readPeriod(req)
  const { missing, invoices } = await periodInvoices(req, period)
  res.json({
    period,
    settings_missing: missing,
    invoices: invoices.map(invoiceSummary),
    count: invoices.length,
  })
}
