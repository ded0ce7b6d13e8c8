import { NextResponse } from "next/server"
import { hasLocale } from "next-intl"
import { getTranslations } from "next-intl/server"
import { type Locale, routing } from "@/i18n/routing"
import { readPortalSession, SELLER_ACTORS } from "../session"

// What the offline diary's two routes share: the page's language, a seller's session and a
// request from this site's own pages (the session cookie is SameSite=Lax, and these routes are
// POSTs, but a form on another site must still not be able to post a diary entry).

export type DiaryT = Awaited<ReturnType<typeof getTranslations<"Portal.origin.offline">>>

export const answer = (body: unknown, status = 200) =>
  NextResponse.json(body, { status, headers: { "cache-control": "no-store" } })

export async function diaryRequest(
  request: Request,
  params: Promise<{ locale: string }>,
): Promise<{ locale: Locale; t: DiaryT } | { refused: Response }> {
  const { locale: raw } = await params
  if (!hasLocale(routing.locales, raw)) return { refused: answer({ result: "failed" }, 404) }
  const locale = raw
  const t = await getTranslations({ locale, namespace: "Portal.origin.offline" })
  const origin = request.headers.get("origin")
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host")
  if (!origin || !host || new URL(origin).host !== host) {
    return { refused: answer({ result: "failed", message: t("crossSite") }, 403) }
  }
  const session = await readPortalSession()
  if (!session || !SELLER_ACTORS.includes(session.actor)) {
    return { refused: answer({ result: "signin" }, 401) }
  }
  return { locale, t }
}
