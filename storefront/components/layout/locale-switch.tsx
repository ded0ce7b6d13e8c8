import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import { type Locale, routing } from "@/i18n/routing"

type Props = {
  locale: Locale
  /** The current page's path without its locale, so switching language keeps the page. */
  pathname: string
}

// Plain links: switching language needs no client JavaScript.
export async function LocaleSwitch({ locale, pathname }: Props) {
  const t = await getTranslations("Locale")
  const tHeader = await getTranslations("Header")
  return (
    <nav className="locale-switch" aria-label={tHeader("languageSwitch")}>
      {routing.locales.map((other) => (
        <a
          key={other}
          href={localePath(other, pathname)}
          hrefLang={other}
          lang={other}
          aria-current={other === locale ? "true" : undefined}
        >
          {t(other)}
        </a>
      ))}
    </nav>
  )
}
