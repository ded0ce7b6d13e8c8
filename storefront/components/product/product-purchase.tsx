import { getTranslations } from "next-intl/server"
import { AddToCartForm } from "@/components/cart/add-to-cart-form"
import { localePath, sellerPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Product } from "@/lib/medusa"
import { formatVnd } from "@/lib/money"

type Props = { product: Product; locale: Locale; returnPath: string }

/**
 * Add to cart. The cart form takes one variant, so a product with several variants gets one form
 * per variant (each with its name and price): plain forms, no JavaScript. A variant without stock
 * shows its button disabled with "Hết hàng" / "Out of stock".
 */
export async function ProductPurchase({ product, locale, returnPath }: Props) {
  const t = await getTranslations("Product")
  const { variants } = product
  const outOfStock = product.variants.length > 0 && !product.inStock
  return (
    <section className="purchase" aria-label={t("chooseVariant")} data-testid="purchase">
      {variants
        .filter((v) => v.soldByWeight)
        .map((v) => {
          const rule = v.soldByWeight!
          const kg = (rule.grams / 1000).toLocaleString(locale === "en" ? "en-US" : "vi-VN")
          return (
            <p key={`kg-${v.id}`} className="notice" data-testid="sold-by-weight">
              {t(rule.unit === "piece" ? "soldByWeightPiece" : "soldByWeightStep", {
                perKg: formatVnd(rule.pricePerKg, locale),
                kg,
                estimate: v.price ? formatVnd(v.price.amount, locale) : "—",
                pct: rule.tolerancePct,
              })}
            </p>
          )
        })}
      {variants.length === 1 ? (
        <AddToCartForm
          locale={locale}
          variantId={variants[0].id}
          returnPath={returnPath}
          available={variants[0].inStock}
        />
      ) : (
        <ul className="variant-list">
          {variants.map((variant) => (
            <li key={variant.id} data-variant={variant.id}>
              <p className="variant-name">
                {variant.title}
                {variant.price ? (
                  <span className="variant-price">{formatVnd(variant.price.amount, locale)}</span>
                ) : null}
              </p>
              <AddToCartForm
                locale={locale}
                variantId={variant.id}
                returnPath={returnPath}
                available={variant.inStock}
              />
            </li>
          ))}
        </ul>
      )}
      {outOfStock ? (
        <p className="stock-help" role="status">
          {t("outOfStockHelp")}{" "}
          {product.seller ? (
            <a href={localePath(locale, sellerPath(product.seller.handle))}>
              {t("sellerProducts", { name: product.seller.name })}
            </a>
          ) : null}
        </p>
      ) : null}
    </section>
  )
}
