import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { ProductCard } from "./product-card"

type Props = { products: Product[]; locale: Locale; hideSeller?: boolean }

// Images above the fold on a phone load at once; the rest wait until they are scrolled to.
const EAGER_IMAGES = 2

export function ProductGrid({ products, locale, hideSeller }: Props) {
  return (
    <ul className="product-grid">
      {products.map((product, index) => (
        <ProductCard
          key={product.id}
          product={product}
          locale={locale}
          eager={index < EAGER_IMAGES}
          hideSeller={hideSeller}
        />
      ))}
    </ul>
  )
}
