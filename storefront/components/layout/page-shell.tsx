import type { ReactNode } from "react"
import type { Locale } from "@/i18n/routing"
import { SiteFooter } from "./site-footer"
import { SiteHeader } from "./site-header"

type Props = {
  locale: Locale
  /** This page's path without the locale, for the language switch. */
  pathname: string
  children: ReactNode
}

/** Header, main content and footer of every shop page. */
export function PageShell({ locale, pathname, children }: Props) {
  return (
    <>
      <SiteHeader locale={locale} pathname={pathname} />
      <main id="main" className="page">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
