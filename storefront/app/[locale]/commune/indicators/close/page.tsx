import { quarterLabel } from "@coop/contracts/quarters"
import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CommuneActionForm } from "@/components/portal/commune-action-form"
import { PortalUnavailable } from "@/components/portal/commune-bits"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { closeQuarter } from "@/lib/portal/commune-actions"
import { chosenQuarter } from "@/lib/portal/commune-quarters"
import { communeContext } from "@/lib/portal/context"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ quarter?: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.indicators")
  return { title: t("closeTitle"), robots: { index: false } }
}

/** The confirmation step before a quarter's figures are frozen. */
export default async function CloseQuarterPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const quarter = chosenQuarter((await searchParams).quarter)
  const t = await getTranslations("Portal.indicators")
  const pathname = `/commune/indicators/close?quarter=${quarter}`
  const here = localePath(locale, pathname)
  const context = await communeContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="commune" pathname={pathname} title={t("title")}>
        <PortalUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const { me } = context
  const label = quarterLabel(quarter, locale)
  const back = `${localePath(locale, "/commune/indicators")}?quarter=${quarter}`
  return (
    <CommuneFrame locale={locale} me={me} section="/indicators" pathname={pathname}>
      <h1>{t("closeHeading", { quarter: label })}</h1>
      {me.officer.read_only ? (
        <p className="notice">{t("readOnly")}</p>
      ) : quarter === chosenQuarter(undefined) ? (
        <p className="notice" data-testid="close-not-ended">
          {t("notEnded", { quarter: label })}
        </p>
      ) : (
        <section className="commune-confirm">
          <p>{t("closeBody", { quarter: label })}</p>
          <CommuneActionForm
            action={closeQuarter}
            hidden={{ locale, quarter }}
            submit={t("confirmClose", { quarter: label })}
            pending={t("working")}
            testId="close-form"
          />
        </section>
      )}
      <p>
        <a href={back}>{t("cancel")}</a>
      </p>
    </CommuneFrame>
  )
}
