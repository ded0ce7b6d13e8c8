import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CartErrorNotice } from "@/components/cart/cart-error-notice"
import { CartLines } from "@/components/cart/cart-lines"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { StoreUnavailableError } from "@/lib/medusa"
import { getCart } from "@/lib/medusa/cart"
import type { Cart } from "@/lib/medusa/cart-types"
import { formatVnd } from "@/lib/money"
import { pageAlternates } from "@/lib/seo/alternates"
import "@/styles/checkout.css"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ cart_error?: string | string[]; added?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const t = await getTranslations("Cart")
  return {
    title: t("title"),
    robots: { index: false },
    alternates: pageAlternates(locale, "/cart"),
  }
}

async function loadCart(): Promise<Cart | null | "unavailable"> {
  try {
    return await getCart()
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

export default async function CartPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Cart")
  const { cart_error, added } = await searchParams
  const cart = await loadCart()
  return (
    <PageShell locale={locale} pathname="/cart">
      {cart === "unavailable" ? (
        <StoreUnavailable retryHref={localePath(locale, "/cart")} />
      ) : (
        <>
          <h1>{t("title")}</h1>
          <CartErrorNotice code={cart_error} />
          {added && cart?.lines.length ? (
            <p className="notice notice-ok" role="status">
              {t("added")}
            </p>
          ) : null}
          {cart?.lines.length ? (
            <>
              <CartLines lines={cart.lines} locale={locale} />
              <div className="cart-summary">
                <p data-testid="cart-count-line">{t("count", { count: cart.itemCount })}</p>
                <p>
                  {t("subtotal")}{" "}
                  <strong data-testid="cart-subtotal">
                    {formatVnd(cart.subtotal.amount, locale)}
                  </strong>
                </p>
                <p className="muted">{t("shippingLater")}</p>
                <a className="button button-wide" href={localePath(locale, "/checkout")}>
                  {t("checkout")}
                </a>
                <a href={localePath(locale)}>{t("continue")}</a>
              </div>
            </>
          ) : (
            <div className="notice">
              <p>{t("empty")}</p>
              <a className="button" href={localePath(locale)}>
                {t("browse")}
              </a>
            </div>
          )}
        </>
      )}
    </PageShell>
  )
}
