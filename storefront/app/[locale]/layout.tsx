import type { Metadata, Viewport } from "next"
import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { ErrorMessagesProvider } from "@/components/feedback/error-messages"
import { pageLocale } from "@/i18n/locale"
import { pageOrigin } from "@/lib/site-url"
import "@/styles/globals.css"
import "@/styles/catalogue.css"
import "@/styles/trace.css"
import "@/styles/common.css"

type Props = { children: ReactNode; params: Promise<{ locale: string }> }

// The shop's styles only: the cart, checkout, order and account pages import checkout.css, the
// portals their own (app/[locale]/seller/layout.tsx, app/[locale]/commune/layout.tsx), so a
// catalogue or stamp page does not download them.

// Pages render per request, except the catalogue's (home, category, product, seller, commune):
// those read no cookie, header or query, declare `generateStaticParams` (none at build, so the
// build never needs the backend) and are kept as HTML in Next's cache from their first request
// until their data's tags are revalidated (docs/architecture.md, "Caching").

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f6b3a" }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Metadata")
  // Public pages set their own canonical and hreflang links (pageAlternates): reading the path
  // from the request here would render every page, the cached catalogue too, per request.
  return {
    // Pages give relative canonical and hreflang URLs (lib/seo/alternates.ts); this makes them
    // absolute, from STOREFRONT_URL (lib/site-url.ts).
    metadataBase: new URL(pageOrigin()),
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
