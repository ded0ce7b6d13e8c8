import type { Metadata, Viewport } from "next"
import { headers } from "next/headers"
import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { ErrorMessagesProvider } from "@/components/feedback/error-messages"
import { pageLocale } from "@/i18n/locale"
import { PATHNAME_HEADER, pageAlternates, pathInLocale } from "@/lib/seo/alternates"
import { siteOrigin } from "@/lib/site-url"
import "@/styles/globals.css"
import "@/styles/catalogue.css"
import "@/styles/trace.css"
import "@/styles/checkout.css"
import "@/styles/portal-origin.css"
import "@/styles/portal-commune.css"
import "@/styles/portal-seller.css"

type Props = { children: ReactNode; params: Promise<{ locale: string }> }

// Pages render per request, so `next build` never needs the backend. The backend calls underneath
// are cached in Next's data cache (see lib/medusa), so rendering per request stays cheap.
export const dynamic = "force-dynamic"

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f6b3a" }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const t = await getTranslations("Metadata")
  // Every page's default canonical and hreflang links: its own path in each language (pages whose
  // URL carries more, like the search's text, or whose path differs, set their own).
  const path = pathInLocale((await headers()).get(PATHNAME_HEADER), locale)
  return {
    ...(path ? { alternates: pageAlternates(locale, path) } : {}),
    // Pages give relative canonical and hreflang URLs (lib/seo/alternates.ts); this makes them absolute.
    metadataBase: new URL(await siteOrigin()),
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("description"),
  }
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Unavailable")
  return (
    <html lang={locale}>
      <body>
        <ErrorMessagesProvider messages={{ title: t("title"), body: t("body"), retry: t("retry") }}>
          {children}
        </ErrorMessagesProvider>
      </body>
    </html>
  )
}
