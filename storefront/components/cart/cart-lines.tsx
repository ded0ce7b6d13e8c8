import { getTranslations } from "next-intl/server"
import { localePath, productPath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { updateCartLine } from "@/lib/medusa/cart-actions"
import type { CartLine } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"
import { vietnameseLang } from "@/lib/text/localized"

type Props = { lines: CartLine[]; locale: Locale }

/** The cart's lines, each with its own small forms to change the quantity or remove it. */
export async function CartLines({ lines, locale }: Props) {
  const t = await getTranslations("Cart")
  return (
    <ul className="cart-lines">
      {lines.map((line) => (
        <li key={line.id} className="cart-line" data-testid="cart-line">
          {line.thumbnail ? (
            // biome-ignore lint/performance/noImgElement: product images are mostly SVG, which next/image passes through unoptimised
            <img src={line.thumbnail} alt="" width={64} height={64} loading="lazy" />
          ) : (
            <span className="cart-line-image" aria-hidden="true" />
          )}
          <div className="cart-line-body">
            <p className="cart-line-title" lang={vietnameseLang(locale)}>
              {line.productHandle ? (
                <a href={localePath(locale, productPath(line.productHandle))}>{line.title}</a>
              ) : (
                line.title
              )}
              {line.variantTitle ? <span className="muted"> · {line.variantTitle}</span> : null}
            </p>
            <p className="muted">
              {t("unitPrice", { price: formatVnd(line.unitPrice.amount, locale) })}
            </p>
            <form action={updateCartLine} className="cart-line-form">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="line_id" value={line.id} />
              <label>
                <span>{t("quantity")}</span>
                <input
                  type="number"
                  name="quantity"
                  min={1}
                  max={99}
                  required
                  defaultValue={line.quantity}
                  inputMode="numeric"
                />
              </label>
              <button type="submit" className="button button-secondary">
                {t("update")}
              </button>
              {/* Removing ignores the quantity box, so a box left empty, 0 or 500 never blocks it. */}
              <button
                type="submit"
                name="remove"
                value="1"
                className="button-link"
                formNoValidate
                data-testid="remove-line"
              >
                {t("remove")}
              </button>
            </form>
          </div>
          <p className="cart-line-total" data-testid="line-total">
            {formatVnd(line.total.amount, locale)}
          </p>
        </li>
      ))}
    </ul>
  )
}
