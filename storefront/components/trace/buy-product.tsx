import { getTranslations } from "next-intl/server"
import { AddToCartForm } from "@/components/cart/add-to-cart-form"
import type { Locale } from "@/i18n/routing"

type Props = {
  locale: Locale
  /** The variant the shop sells for the stamp's product. */
  variantId: string
  productHref: string
  /** This stamp page, where the cart sends the buyer back when the item cannot be added. */
  returnPath: string
  /** A warning above: buying from the shop itself is the safe way to the real product. */
  warned: boolean
}

/** "Mua sản phẩm này": the same product, straight from the producer through the shop. */
export async function BuyProduct({ locale, variantId, productHref, returnPath, warned }: Props) {
  const t = await getTranslations("Trace")
  return (
    <section
      className="provenance buy-product"
      aria-labelledby="buy-heading"
      data-testid="trace-buy"
    >
      <h2 id="buy-heading">{t("buyTitle")}</h2>
      {warned ? <p>{t("buyDirect")}</p> : null}
      <AddToCartForm
        locale={locale}
        variantId={variantId}
        returnPath={returnPath}
        label={t("buy")}
      />
      <p>
        <a href={productHref}>{t("productPage")}</a>
      </p>
    </section>
  )
}
