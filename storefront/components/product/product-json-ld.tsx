import type { Product } from "@/lib/medusa"
import { jsonLdScript, productJsonLd } from "@/lib/structured-data"

/** schema.org Product data for search engines, in the page's HTML (no JavaScript runs it). */
export function ProductJsonLd({ product }: { product: Product }) {
  return (
    <script
      type="application/ld+json"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be raw text; jsonLdScript escapes "<"
      dangerouslySetInnerHTML={{ __html: jsonLdScript(productJsonLd(product)) }}
    />
  )
}
