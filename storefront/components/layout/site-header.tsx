import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { LocaleSwitch } from "./locale-switch"

type Props = { locale: Locale; pathname: string }

export async function SiteHeader({ locale, pathname }: Props) {
  const t = await getTranslations("Metadata")
  const tHeader = await getTranslations("Header")
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {tHeader("skipToContent")}
      </a>
      <a className="brand" href={localePath(locale)}>
        {t("siteName")}
      </a>
      <LocaleSwitch locale={locale} pathname={pathname} />
    </header>
  )
}
