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
  children: ReactNode
}

/** Header, main content and footer of every shop page. */
export function PageShell({ locale, pathname, query, children }: Props) {
  return (
    <>
      <SiteHeader locale={locale} pathname={pathname} query={query} />
      <main id="main" className="page">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  )
}
