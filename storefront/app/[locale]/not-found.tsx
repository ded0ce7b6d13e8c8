import { getLocale, getTranslations } from "next-intl/server"
import { PageShell } from "@/components/layout/page-shell"
import { localePath } from "@/i18n/paths"

export default async function NotFound() {
  const locale = await getLocale()
  const t = await getTranslations("NotFound")
  return (
    <PageShell locale={locale} pathname="/" shared>
      <section className="notice">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <p className="actions">
          <a className="button" href={localePath(locale)}>
            {t("backHome")}
          </a>
          <a href={localePath(locale, "/search")}>{t("search")}</a>
        </p>
      </section>
    </PageShell>
  )
}
