import type { NextRequest } from "next/server"
import { hasLocale } from "next-intl"
import { localePath } from "@/i18n/paths"
import { routing } from "@/i18n/routing"
import { traceabilityUrl } from "@/lib/traceability/config"
import { actingToken } from "./api"
import { isBatchId } from "./origin-api"
import { readPortalSession, SELLER_ACTORS } from "./session"

// The stamp sheet (PDF) and list (CSV) pass through this app: the browser never holds the
// person's token, and the service's stream is handed on as it comes (a 100,000-stamp sheet is
// never held in memory here).

type Params = Promise<{ locale: string; id: string }>

const FILES = {
  pdf: { batch: "stamps.pdf", job: "sheet.pdf", type: "application/pdf" },
  csv: { batch: "stamps.csv", job: "stamps.csv", type: "text/csv; charset=utf-8" },
} as const

function redirectTo(request: NextRequest, path: string): Response {
  return Response.redirect(new URL(path, request.nextUrl.origin), 303)
}

export async function stampFile(request: NextRequest, params: Params, kind: "pdf" | "csv") {
  const { locale: raw, id } = await params
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale
  if (!isBatchId(id)) return new Response("Not found", { status: 404 })
  const stampsPage = localePath(locale, `/seller/origin/${id}/stamps`)
  const session = await readPortalSession()
  const token =
    session && SELLER_ACTORS.includes(session.actor) ? await actingToken(session, locale) : null
  if (!token) {
    return redirectTo(
      request,
      `${localePath(locale, "/seller/sign-in")}?next=${encodeURIComponent(stampsPage)}`,
    )
  }
  const job = request.nextUrl.searchParams.get("job")
  const file = FILES[kind]
  const path =
    job && isBatchId(job) ? `/stamp-jobs/${job}/${file.job}` : `/batches/${id}/${file.batch}`
  let upstream: Response
  try {
    upstream = await fetch(`${traceabilityUrl()}${path}`, {
      headers: { authorization: `Bearer ${token}`, "accept-language": locale },
      // No abort signal: when the person leaves, Next cancels the body we hand on, which
      // cancels the service's stream too.
      cache: "no-store",
    })
  } catch (error) {
    console.error(`[portal] GET ${path} failed: ${(error as Error).message}`)
    return redirectTo(request, `${stampsPage}?status=file_failed`)
  }
  if (!upstream.ok || !upstream.body) {
    // Another seller's batch (404) lands on the stamps page, which answers not found. The
    // short error body is read, not cancelled: cancelling Next's patched fetch body can hang.
    await upstream.text().catch(() => "")
    return redirectTo(request, `${stampsPage}?status=file_failed`)
  }
  const name =
    /filename="([^"]+)"/.exec(upstream.headers.get("content-disposition") ?? "")?.[1] ??
    `tem.${kind}`
  return new Response(upstream.body, {
    headers: {
      "content-type": file.type,
      "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  })
}
