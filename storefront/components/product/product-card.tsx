import { getTranslations } from "next-intl/server"
import { OcopBadge } from "@/components/catalogue/ocop-badge"
import { localePath, productPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { productTitle } from "@/lib/text/localized"
import { ProductPrice } from "./product-price"

type Props = {
  product: Product
  locale: Locale
  eager?: boolean
  /** Leaves out "Bán bởi …" where the page is the seller's own. */
  hideSeller?: boolean
}

export async function ProductCard({ product, locale, eager = false, hideSeller }: Props) {
  const t = await getTranslations("Catalogue")
  const title = productTitle(product, locale)
  return (
    <li className="product-card" data-handle={product.handle}>
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
        <h2 className="clamp-2" lang={title.lang} title={title.text}>
          {title.text}
        </h2>
        {product.ocop ? <OcopBadge ocop={product.ocop} /> : null}
        {product.seller && !hideSeller ? (
          <p className="card-seller">{t("soldBy", { name: product.seller.name })}</p>
        ) : null}
        <ProductPrice price={product.price} />
        {product.inStock ? null : <p className="stock-out">{t("outOfStock")}</p>}
      </a>
    </li>
  )
}
