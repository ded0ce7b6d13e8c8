import { hasLocale } from "next-intl"
import { localePath } from "@/i18n/paths"
import { type Locale, routing } from "@/i18n/routing"
import { backendUrl } from "@/lib/medusa/config"
import { actingToken, backend } from "./api"
import { readPortalSession, SELLER_ACTORS } from "./session"

// The seller's e-invoice data (backend GET /seller/invoices): the month's list, and the XML and
// ZIP downloads passed through this app so the browser never holds the person's token.

export type SellerInvoice = {
  id: string
  order_part_id: string
  period: string
  form: string
  series: string
  number: number
  issued_on: string
  reference: string
  buyer_name: string
  payment_method: string
  total_net: number
  total_vat: number
  total: number
  adjustment_note: string | null
}

export type InvoiceList = {
  period: string
  settings_missing: string[]
  invoices: SellerInvoice[]
  count: number
}

/** "2026-12": a month as the backend takes it; anything else is not one. */
export const isPeriod = (value: string | undefined): value is string =>
  !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)

/** This month in Vietnam (UTC+7, no daylight saving). */
export function currentPeriod(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)
}

export function listSellerInvoices(locale: Locale, period: string) {
  return backend<InvoiceList>(`/seller/invoices?period=${encodeURIComponent(period)}`, { locale })
}

const TIMEOUT_MS = 30_000

function back(location: string) {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } })
}

/** One invoice's XML, or a month's ZIP, from the backend as the signed-in member or helper. */
export async function invoiceFile(
  rawLocale: string,
  file: { kind: "xml"; id: string } | { kind: "zip"; period: string },
) {
  const locale = hasLocale(routing.locales, rawLocale) ? rawLocale : routing.defaultLocale
  const period = file.kind === "zip" ? file.period : null
  const page = localePath(locale, `/seller/invoices${period ? `?period=${period}` : ""}`)
  const session = await readPortalSession()
  const token =
    session && SELLER_ACTORS.includes(session.actor) ? await actingToken(session, locale) : null
  if (!token) {
    return back(`${localePath(locale, "/seller/sign-in")}?next=${encodeURIComponent(page)}`)
  }
  const path =
    file.kind === "xml"
      ? `/seller/invoices/${encodeURIComponent(file.id)}/xml`
      : `/seller/invoices/export?period=${encodeURIComponent(file.period)}`
  let response: Response
  try {
    response = await fetch(`${backendUrl()}${path}`, {
      headers: { authorization: `Bearer ${token}`, "accept-language": locale },
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`[portal] GET ${path} failed: ${(error as Error).message}`)
    return back(`${page}${period ? "&" : "?"}status=file_failed`)
  }
  if (!response.ok) {
    await response.text().catch(() => "")
    return back(`${page}${period ? "&" : "?"}status=file_failed`)
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    (file.kind === "xml" ? "hoa-don.xml" : "hoa-don.zip")
  return new Response(await response.arrayBuffer(), {
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  })
}
