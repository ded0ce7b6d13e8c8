import { localePath, productPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { ProductPrice } from "./product-price"

type Props = { product: Product; locale: Locale; eager?: boolean }

export function ProductCard({ product, locale, eager = false }: Props) {
  return (
    <li className="product-card">
      <a href={localePath(locale, productPath(product.handle))}>
        {product.thumbnail ? (
          // biome-ignore lint/performance/noImgElement: product images are mostly SVG, which next/image passes through unoptimised
          <img
            src={product.thumbnail}
            alt=""
            width={320}
            height={320}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
          />
        ) : (
          <span className="image-placeholder" aria-hidden="true" />
        )}
        <h2>{product.title}</h2>
        <ProductPrice price={product.price} />
      </a>
    </li>
  )
}
