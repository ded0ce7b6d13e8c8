import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import { type Locale, routing } from "@/i18n/routing"

type Props = {
  locale: Locale
  /** The current page's path without its locale, so switching language keeps the page. */
  pathname: string
}

// Plain links: switching language needs no client JavaScript. Only the other languages are shown,
// each in its own words, so the header fits a 360 px phone beside the brand and the cart.
export async function LocaleSwitch({ locale, pathname }: Props) {
  const t = await getTranslations("Locale")
  const tHeader = await getTranslations("Header")
  return (
    <nav className="locale-switch" aria-label={tHeader("languageSwitch")}>
      {routing.locales
        .filter((other) => other !== locale)
        .map((other) => (
          <a key={other} href={localePath(other, pathname)} hrefLang={other} lang={other}>
            {t(other)}
          </a>
        ))}
    </nav>
  )
}
