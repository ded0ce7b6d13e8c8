import type { ReactNode } from "react"
import type { Locale } from "@/i18n/routing"
import { SiteFooter } from "./site-footer"
import { SiteHeader } from "./site-header"

type Props = {
  locale: Locale
  /** This page's path without the locale, for the language switch. */
  pathname: string
  /** The search page's text, shown in the header's search box. */
  query?: string
  /** Cached HTML shared by every buyer (catalogue pages): nothing per buyer is rendered in it. */
  shared?: boolean
  children: ReactNode
}

/** Header, main content and footer of every shop page. */
export function PageShell({ locale, pathname, query, shared, children }: Props) {
  return (
    <>
      <SiteHeader locale={locale} pathname={pathname} query={query} shared={shared} />
      <main id="main" className="page">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  )
}
