import { currentPeriod, invoiceFile, isPeriod } from "@/lib/portal/seller-invoices"

/** A month of the seller's invoices: a ZIP of the XML files and an XLSX summary. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  const asked = new URL(request.url).searchParams.get("period") ?? undefined
  return invoiceFile(locale, { kind: "zip", period: isPeriod(asked) ? asked : currentPeriod() })
}
