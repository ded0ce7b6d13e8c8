import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { siteOrigin } from "@/lib/site-url"
import { jsonLdScript, productJsonLd } from "@/lib/structured-data"

type Props = { product: Product; locale: Locale }

/** schema.org Product data for search engines, in the page's HTML (no JavaScript runs it). */
export async function ProductJsonLd({ product, locale }: Props) {
  const data = productJsonLd(product, { origin: await siteOrigin(), locale })
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be raw text; jsonLdScript escapes "<"
      dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }}
    />
  )
}
