import { getTranslations } from "next-intl/server"
import type { Locale } from "@/i18n/routing"
import { addToCart } from "@/lib/medusa/cart-actions"

type Props = {
  locale: Locale
  variantId: string
  /** The page to come back to when the item cannot be added (stock ran out, say). */
  returnPath: string
  /** False when the variant is out of stock: the button is shown disabled with a reason. */
  available?: boolean
  /** The button's text; "Thêm vào giỏ" / "Add to cart" by default. */
  label?: string
}

/**
 * Adds one variant to the buyer's cart with a server action: a plain form, so it works without
 * JavaScript. On success the buyer lands on the cart; on failure back on `returnPath` with a
 * message (`?cart_error=`) the page shows through <CartErrorNotice>.
 */
export async function AddToCartForm({
  locale,
  variantId,
  returnPath,
  available = true,
  label,
}: Props) {
  const t = await getTranslations("Cart")
  return (
    <form action={addToCart} className="add-to-cart">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="variant_id" value={variantId} />
      <input type="hidden" name="return_path" value={returnPath} />
      <label className="quantity-field">
        <span>{t("quantity")}</span>
        <input
          type="number"
          name="quantity"
          min={1}
          max={99}
          defaultValue={1}
          inputMode="numeric"
        />
      </label>
      <button type="submit" className="button" disabled={!available}>
        {available ? (label ?? t("add")) : t("outOfStock")}
      </button>
    </form>
  )
}
