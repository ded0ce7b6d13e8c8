import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { communeContext } from "@/lib/portal/context"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.commune")
  return { title: t("portalName"), robots: { index: false } }
}

/** The commune portal's home: the way into each section. */
export default async function CommuneHomePage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.commune")
  const here = localePath(locale, "/commune")
  const context = await communeContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="commune" pathname="/commune" title={t("portalName")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const { me } = context
  // A province officer reads only: its cards say so, and offer no approving or suspending.
  const cards = me.officer.read_only ? "cardsReadOnly" : "cards"
  return (
    <CommuneFrame locale={locale} me={me} section="" pathname="/commune">
      <h1>{t("welcome", { name: me.officer.name })}</h1>
      {me.officer.read_only ? <p className="notice">{t("readOnly")}</p> : null}
      <ul className="portal-cards">
        <li>
          <a href={localePath(locale, "/commune/sellers")}>{t("nav.sellers")}</a>
          <p className="muted">{t(`${cards}.sellers`)}</p>
        </li>
        <li>
          <a href={localePath(locale, "/commune/registry")}>{t("nav.registry")}</a>
          <p className="muted">{t(`${cards}.registry`)}</p>
        </li>
        <li>
          <a href={localePath(locale, "/commune/indicators")}>{t("nav.indicators")}</a>
          <p className="muted">{t(`${cards}.indicators`)}</p>
        </li>
      </ul>
    </CommuneFrame>
  )
}
