import { getTranslations } from "next-intl/server"

export async function SiteFooter() {
  const t = await getTranslations("Footer")
  return (
    <footer className="site-footer">
      <p>{t("about")}</p>
    </footer>
  )
}
