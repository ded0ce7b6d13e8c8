import type { NextRequest } from "next/server"
import createMiddleware from "next-intl/middleware"
import { routing } from "./i18n/routing"
import { PATHNAME_HEADER } from "./lib/seo/alternates"

const handleI18nRouting = createMiddleware(routing)

export default function proxy(request: NextRequest) {
  // The locale layout gives every page a canonical link and hreflang alternates by default, and a
  // layout is not told the page's path: it reads this header, which next-intl passes on with the
  // request's own. Set here, so a client cannot choose it.
  request.headers.set(PATHNAME_HEADER, request.nextUrl.pathname)
  return handleI18nRouting(request)
}

export const config = {
  // Everything except API routes, Next internals and files with an extension (images, favicon).
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
}
