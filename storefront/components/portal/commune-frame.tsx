import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { OfficerMe } from "@/lib/portal/context"
import { PortalShell } from "./portal-shell"

export const COMMUNE_SECTIONS = ["", "/sellers", "/registry", "/indicators"] as const
export type CommuneSection = (typeof COMMUNE_SECTIONS)[number]

type Props = {
  locale: Locale
  me: OfficerMe
  section: CommuneSection
  pathname: string
  children: ReactNode
}

/** The commune portal's frame: the commune (or province, read-only) and the officer. */
export async function CommuneFrame({ locale, me, section, pathname, children }: Props) {
  const t = await getTranslations("Portal.commune")
  const labels: Record<CommuneSection, string> = {
    "": t("nav.home"),
    "/sellers": t("nav.sellers"),
    "/registry": t("nav.registry"),
    "/indicators": t("nav.indicators"),
  }
  const area = me.officer.commune?.name ?? me.officer.province.name ?? me.officer.province.code
  return (
    <PortalShell
      locale={locale}
      portal="commune"
      pathname={pathname}
      title={area}
      person={
        me.officer.read_only ? t("provincePerson", { name: me.officer.name }) : me.officer.name
      }
      nav={COMMUNE_SECTIONS.map((s) => ({
        href: localePath(locale, `/commune${s}`),
        label: labels[s],
        current: s === section,
      }))}
    >
      {children}
    </PortalShell>
  )
}
