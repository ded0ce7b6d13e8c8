import { invoiceFile } from "@/lib/portal/seller-invoices"

/** One of the seller's invoices as the tax authority's XML (unsigned). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  const { locale, id } = await params
  return invoiceFile(locale, { kind: "xml", id })
}
