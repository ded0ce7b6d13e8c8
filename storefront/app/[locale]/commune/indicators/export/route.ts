import { toLocale } from "@/i18n/form-locale"
import type { Locale } from "@/i18n/routing"
import { backendUrl } from "@/lib/medusa/config"
import { chosenQuarter } from "@/lib/portal/commune-quarters"
import { COMMUNE_ACTORS, readPortalSession } from "@/lib/portal/session"

// The indicators report (CSV or XLSX) streamed from the backend with the officer's token, so the
// token never reaches the browser. A failure goes back to the indicators page with a notice.

type Context = { params: Promise<{ locale: string }> }

const TIMEOUT_MS = 30_000

function back(location: string) {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } })
}

export async function GET(request: Request, { params }: Context) {
  const { locale: asked } = await params
  const locale: Locale = toLocale(asked)
  const search = new URL(request.url).searchParams
  const format = search.get("format") === "csv" ? "csv" : "xlsx"
  const quarter = chosenQuarter(search.get("quarter") ?? undefined)
  const commune = /^\d{5}$/.test(search.get("commune") ?? "") ? search.get("commune") : null
  const page = `/${locale}/commune/indicators?${new URLSearchParams({
    quarter,
    ...(commune ? { commune } : {}),
  })}`
  const session = await readPortalSession()
  if (!session || !COMMUNE_ACTORS.includes(session.actor)) {
    return back(`/${locale}/commune/sign-in?next=${encodeURIComponent(page)}`)
  }
  // A commune officer's area is its commune; only a province officer names one.
  const query = new URLSearchParams({
    quarter,
    format,
    ...(commune && session.actor === "province_officer" ? { commune_code: commune } : {}),
  })
  let response: Response
  try {
    response = await fetch(`${backendUrl()}/commune/indicators/export?${query}`, {
      headers: { authorization: `Bearer ${session.token}`, "accept-language": locale },
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`[portal] indicators export failed: ${(error as Error).message}`)
    return back(`${page}&status=export_failed`)
  }
  if (response.status === 401) {
    return back(`/${locale}/commune/sign-in?next=${encodeURIComponent(page)}`)
  }
  if (!response.ok || !response.body) {
    console.error(`[portal] indicators export answered ${response.status}`)
    return back(`${page}&status=export_failed`)
  }
  const headers = new Headers({ "cache-control": "private, no-store" })
  for (const name of ["content-type", "content-disposition"]) {
    const value = response.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(response.body, { status: 200, headers })
}
