import { ProductGrid } from "@/components/product/product-grid"
import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"

type Props = {
  id: string
  title: string
  products: Product[]
  locale: Locale
  /** Shown instead of the grid when there are no products. */
  empty: string
  hideSeller?: boolean
}

/** A titled list of product cards, or a sentence saying there are none. */
export function ProductSection({ id, title, products, locale, empty, hideSeller }: Props) {
  return (
    <section className="catalogue-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {products.length > 0 ? (
        <ProductGrid products={products} locale={locale} hideSeller={hideSeller} />
      ) : (
        <p className="notice">{empty}</p>
      )}
    </section>
  )
}
