import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { periodZip, periodZipName } from "../../../../lib/einvoice/export"
import { periodInvoices, readPeriod } from "../period"

/** A month of invoices as one ZIP: every invoice's XML and an XLSX summary. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const period = readPeriod(req)
  const { invoices } = await periodInvoices(req, period)
  res.setHeader("content-type", "application/zip")
  res.setHeader("content-disposition", `attachment; filename="${periodZipName(period)}"`)
  res.send(await periodZip(period, invoices))
}
