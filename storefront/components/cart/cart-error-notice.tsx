import { getTranslations } from "next-intl/server"
import { CART_ERROR_CODES, type CartErrorCode, isCartErrorCode } from "@/lib/medusa/cart-errors"

type Props = { code: string | string[] | undefined }

/** Explains a failed cart or checkout step (`?cart_error=`) and what the buyer can do next. */
export async function CartErrorNotice({ code }: Props) {
  const value = Array.isArray(code) ? code[0] : code
  if (!isCartErrorCode(value)) return null
  const t = await getTranslations("CartError")
  return (
    <div className="notice notice-error" role="alert" data-testid="cart-error">
      <p className="notice-title">{t(`${value}.title`)}</p>
      <p>{t(`${value}.action`)}</p>
    </div>
  )
}

/** Every cart error's texts in the page's language, for CartErrorFromQuery on a cached page. */
export async function cartErrorMessages(): Promise<
  Record<CartErrorCode, { title: string; action: string }>
> {
  const t = await getTranslations("CartError")
  return Object.fromEntries(
    CART_ERROR_CODES.map((code) => [
      code,
      { title: t(`${code}.title`), action: t(`${code}.action`) },
    ]),
  ) as Record<CartErrorCode, { title: string; action: string }>
}
