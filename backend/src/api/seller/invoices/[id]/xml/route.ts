import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { InvoiceData } from "../../../../../lib/einvoice/invoice"
import { invoiceFileName, invoiceXml } from "../../../../../lib/einvoice/xml"
import { CHECKOUT_MODULE } from "../../../../../modules/checkout"
import type CheckoutModuleService from "../../../../../modules/checkout/service"
import { sellerAccess } from "../../../../utils/access"
import { notFound } from "../../../../utils/errors"

/** One invoice as the tax authority's XML, unsigned; another seller's invoice is a 404. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { sellerId } = sellerAccess(req)
  const checkout = req.scope.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const [invoice] = await checkout.listSellerInvoices({ id: req.params.id!, seller_id: sellerId })
  if (!invoice) throw notFound({ vi: "Không tìm thấy hóa đơn", en: "Invoice not found" })
  const data = invoice.data as InvoiceData
  res.setHeader("content-type", "application/xml; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="${invoiceFileName(data)}"`)
  res.send(invoiceXml(data))
}
