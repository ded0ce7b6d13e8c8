import { getTranslations } from "next-intl/server"
import type { ReactNode } from "react"
import { OcopBadge } from "@/components/catalogue/ocop-badge"
import { categoryPath, communePath, localePath, sellerPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Commune, Product } from "@/lib/medusa"
import { productDescription, productTitle } from "@/lib/text/localized"
import { ProductGallery } from "./product-gallery"
import { ProductOcop } from "./product-ocop"
import { ProductPrice } from "./product-price"
import { ProductPurchase } from "./product-purchase"

type Props = {
  product: Product
  locale: Locale
  /** The seller's commune, when the shop could name it. */
  commune: Commune | null
  /** This page's path without the locale, where a failed add to cart comes back to. */
  pathname: string
  /** The cart's message after a failed add, and the origin section: both given by the page. */
  cartNotice?: ReactNode
  origin?: ReactNode
  /** The coming harvest this product is pre-ordered from, when it has one. */
  preorder?: ReactNode
}

export async function ProductDetails({
  product,
  locale,
  commune,
  pathname,
  cartNotice,
  origin,
  preorder,
}: Props) {
  const t = await getTranslations("Product")
  const { seller, ocop } = product
  const category = product.categories[0]
  const title = productTitle(product, locale)
  const description = productDescription(product, locale)
  return (
    <article className="product-details">
      <a className="back-link" href={localePath(locale)}>
        {t("backToList")}
      </a>
      <ProductGallery images={product.images} alt={title} />
      <div className="product-summary">
        <h1 lang={title.lang}>{title.text}</h1>
        {ocop ? <OcopBadge ocop={ocop} /> : null}
        <ProductPrice price={product.price} className="price price-large" />
        {preorder}
        {cartNotice}
        <ProductPurchase product={product} locale={locale} returnPath={pathname} />
        <dl className="product-facts">
          {seller ? (
            <div>
              <dt>{t("seller")}</dt>
              <dd data-testid="product-seller">
                <a href={localePath(locale, sellerPath(seller.handle))}>{seller.name}</a>
              </dd>
            </div>
          ) : null}
          {commune ? (
            <div>
              <dt>{t("commune")}</dt>
              <dd data-testid="product-commune">
                <a href={localePath(locale, communePath(commune.code))}>{commune.name}</a>,{" "}
                {commune.province.name}
              </dd>
            </div>
          ) : null}
          {category ? (
            <div>
              <dt>{t("category")}</dt>
              <dd>
                <a href={localePath(locale, categoryPath(category.handle))}>
                  {category.name[locale]}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
        {description ? (
          <section>
            <h2>{t("description")}</h2>
            <p className="description" lang={description.lang}>
              {description.text}
            </p>
          </section>
        ) : null}
        {ocop ? <ProductOcop ocop={ocop} locale={locale} /> : null}
      </div>
      {origin}
    </article>
  )
}
