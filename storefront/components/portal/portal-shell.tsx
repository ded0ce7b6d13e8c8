import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { LocaleSwitch } from "@/components/layout/locale-switch"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { portalSignOut } from "@/lib/portal/auth-actions"

export type PortalNavItem = { href: string; label: string; current?: boolean }

type Props = {
  locale: Locale
  portal: "seller" | "commune"
  /** This page's path without the locale, for the language switch. */
  pathname: string
  /** Whose portal this is: the seller's or the commune's name. */
  title: string
  /** Who is signed in, shown small under the title. */
  person?: string
  /** For a helper: the banner that says whose portal they are acting in. */
  actingBanner?: string
  nav?: PortalNavItem[]
  children: ReactNode
}

/** The frame of every portal page: whose portal, who is acting, the sections, sign out. */
export async function PortalShell(props: Props) {
  const { locale, portal, pathname, title, person, actingBanner, nav, children } = props
  const t = await getTranslations("Portal")
  return (
    <>
      <header className="portal-header">
        <div className="portal-title">
          <a href={localePath(locale, `/${portal}`)}>{title}</a>
          {person ? <span className="portal-person">{person}</span> : null}
        </div>
        <LocaleSwitch locale={locale} pathname={pathname} />
      </header>
      {actingBanner ? (
        <p className="acting-banner" role="status" data-testid="acting-banner">
          {actingBanner}
        </p>
      ) : null}
      {nav?.length ? (
        <nav className="portal-nav" aria-label={t("sections")}>
          {nav.map((item) => (
            <a key={item.href} href={item.href} aria-current={item.current ? "page" : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
      ) : null}
      <main id="main" className="page portal-page">
        {children}
      </main>
      {person ? (
        <form action={portalSignOut} className="portal-sign-out">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="portal" value={portal} />
          <button type="submit" className="button-link">
            {t("signOut")}
          </button>
        </form>
      ) : null}
    </>
  )
}
