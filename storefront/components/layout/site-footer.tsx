import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"

/** The buyer's account and the two portals: the ways in for everyone who is not just browsing. */
export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations("Footer")
  return (
    <footer className="site-footer">
      <nav aria-label={t("links")} className="footer-links">
        <a href={localePath(locale, "/account")}>{t("account")}</a>
        <a href={localePath(locale, "/seller")}>{t("sellerPortal")}</a>
        <a href={localePath(locale, "/commune")}>{t("communePortal")}</a>
      </nav>
      <p>{t("about")}</p>
    </footer>
  )
}
