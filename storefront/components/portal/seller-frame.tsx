import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { SellerMe } from "@/lib/portal/context"
import { PortalShell } from "./portal-shell"

export const SELLER_SECTIONS = [
  "",
  "/products",
  "/preorders",
  "/orders",
  "/invoices",
  "/origin",
  "/team",
  "/settings",
] as const
export type SellerSection = (typeof SELLER_SECTIONS)[number]

type Props = {
  locale: Locale
  me: SellerMe
  section: SellerSection
  pathname: string
  children: ReactNode
}

/**
 * The seller portal's frame: the seller's name, who is signed in, and — for a helper of the
 * village's tech team — a banner saying whose portal they are acting in.
 */
export async function SellerFrame({ locale, me, section, pathname, children }: Props) {
  const t = await getTranslations("Portal.seller")
  const labels: Record<SellerSection, string> = {
    "": t("nav.home"),
    "/products": t("nav.products"),
    "/preorders": t("nav.preorders"),
    "/orders": t("nav.orders"),
    "/invoices": t("nav.invoices"),
    "/origin": t("nav.origin"),
    "/team": t("nav.team"),
    "/settings": t("nav.settings"),
  }
  const helper = me.actor.type === "helper"
  return (
    <PortalShell
      locale={locale}
      portal="seller"
      pathname={pathname}
      title={me.seller.name}
      person={helper ? t("helperPerson", { name: me.actor.name }) : me.actor.name}
      actingBanner={
        helper ? t("actingBanner", { seller: me.seller.name, helper: me.actor.name }) : undefined
      }
      nav={SELLER_SECTIONS.map((s) => ({
        href: localePath(locale, `/seller${s}`),
        label: labels[s],
        current: s === section,
      }))}
    >
      {children}
    </PortalShell>
  )
}
