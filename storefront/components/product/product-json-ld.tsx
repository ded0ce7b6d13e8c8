import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { getShippingRates } from "@/lib/medusa/shipping-rates"
import { pageOrigin } from "@/lib/site-url"
import { jsonLdScript, productJsonLd } from "@/lib/structured-data"

type Props = { product: Product; locale: Locale }

/** schema.org Product data for search engines, in the page's HTML (no JavaScript runs it). */
export async function ProductJsonLd({ product, locale }: Props) {
  // Without the tariff (backend briefly unreachable) the page still renders, stating no rate.
  const shippingRates = await getShippingRates().catch(() => null)
  const data = productJsonLd(product, { origin: pageOrigin(), locale, shippingRates })
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be raw text; jsonLdScript escapes "<"
      dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }}
    />
  )
}
