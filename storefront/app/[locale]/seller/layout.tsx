import type { Metadata } from "next"
import type { ReactNode } from "react"
import { SellerPwa } from "@/components/portal/seller-pwa"
import { pageLocale } from "@/i18n/locale"
import "@/styles/checkout.css"
import "@/styles/portal-origin.css"
import "@/styles/portal-commune.css"
import "@/styles/portal-seller.css"

type Props = { children: ReactNode; params: Promise<{ locale: string }> }

// The seller portal installs as an app of its own (manifest, icons, service worker), so it opens
// without a connection in the field. All of it is scoped here: the shop's public pages load none
// of it, nor the portals' styles.

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  return {
    manifest: `/${locale}/seller/manifest.webmanifest`,
    appleWebApp: { capable: true, title: "Chợ số HTX", statusBarStyle: "default" },
    icons: { apple: "/seller-icon-192.png" },
  }
}

export default async function SellerLayout({ children, params }: Props) {
  const locale = await pageLocale(params)
  return (
    <>
      {children}
      <SellerPwa locale={locale} />
    </>
  )
}
