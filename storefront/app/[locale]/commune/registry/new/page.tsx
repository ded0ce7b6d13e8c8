import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { LoadError, PortalUnavailable } from "@/components/portal/commune-bits"
import { EntryEditor } from "@/components/portal/commune-entry-editor"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { allSellers } from "@/lib/portal/commune-data"
import { communeContext } from "@/lib/portal/context"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ seller_id?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.registry")
  return { title: t("addTitle"), robots: { index: false } }
}

/** Registers a certified product; its listing is linked next, on the entry's page. */
export default async function NewEntryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { seller_id } = await searchParams
  const t = await getTranslations("Portal.registry")
  const pathname = "/commune/registry/new"
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
  const back = <a href={localePath(locale, "/commune/registry")}>{t("back")}</a>
  if (me.officer.read_only) {
    return (
      <CommuneFrame locale={locale} me={me} section="/registry" pathname={pathname}>
        <p className="notice">{t("readOnly")}</p>
        <p>{back}</p>
      </CommuneFrame>
    )
  }
  const sellers = await allSellers(locale)
  return (
    <CommuneFrame locale={locale} me={me} section="/registry" pathname={pathname}>
      <p>{back}</p>
      <h1>{t("addTitle")}</h1>
      <p className="intro">{t("addIntro")}</p>
      {sellers.ok ? (
        <EntryEditor
          locale={locale}
          sellers={sellers.data}
          initial={{ seller_id: seller_id ?? "" }}
        />
      ) : (
        <LoadError error={sellers.error} retryHref={here} />
      )}
    </CommuneFrame>
  )
}
