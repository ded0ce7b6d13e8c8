import { getTranslations } from "next-intl/server"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { ProductGallery } from "./product-gallery"
import { ProductPrice } from "./product-price"

type Props = { product: Product; locale: Locale }

export async function ProductDetails({ product, locale }: Props) {
  const t = await getTranslations("Product")
  return (
    <article className="product-details">
      <a className="back-link" href={localePath(locale)}>
        {t("backToList")}
      </a>
      <ProductGallery images={product.images} />
      <div className="product-summary">
        <h1>{product.title}</h1>
        <ProductPrice price={product.price} className="price price-large" />
        {product.description ? (
          <section>
            <h2>{t("description")}</h2>
            <p className="description">{product.description}</p>
          </section>
        ) : null}
      </div>
    </article>
  )
}
