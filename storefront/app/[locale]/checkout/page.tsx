import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CartErrorNotice } from "@/components/cart/cart-error-notice"
import { AddressStep } from "@/components/checkout/address-step"
import { AddressSummary } from "@/components/checkout/address-summary"
import { CardPayment } from "@/components/checkout/card-payment"
import { OrderSummary } from "@/components/checkout/order-summary"
import { PaymentForm } from "@/components/checkout/payment-form"
import { SavedAddresses } from "@/components/checkout/saved-addresses"
import { ShippingForm } from "@/components/checkout/shipping-form"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { getShopRegion, StoreUnavailableError } from "@/lib/medusa"
import { listCommunes, listProvinces } from "@/lib/medusa/admin-units"
import {
  getCart,
  getCartPaymentLimits,
  getPaymentMethods,
  getSellerParts,
  stripePublishableKey,
} from "@/lib/medusa/cart"
import { listSavedAddresses, type SavedAddress } from "@/lib/medusa/customer-addresses"
import { readRememberedBuyer } from "@/lib/medusa/session"
import { formatVnd } from "@/lib/money"
import { pageAlternates } from "@/lib/seo/alternates"
import "@/styles/checkout.css"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ cart_error?: string | string[]; edit?: string; pay?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const t = await getTranslations("Checkout")
  return {
    title: t("title"),
    robots: { index: false },
    alternates: pageAlternates(locale, "/checkout"),
  }
}

/** Everything the page shows, read in parallel where it can be; "unavailable" when the backend failed. */
async function load() {
  try {
    const cart = await getCart()
    if (!cart?.lines.length) return { cart: null } as const
    const [region, parts, provinces, saved, remembered] = await Promise.all([
      getShopRegion(),
      getSellerParts(cart.id),
      listProvinces(),
      cart.address ? [] : listSavedAddresses(),
      cart.address ? null : readRememberedBuyer(),
    ])
    // A new cart starts from what this device remembers, else from the account's newest address.
    const prefill = remembered ?? (saved[0] ? savedAsInput(saved[0]) : null)
    const provinceCode = cart.address?.provinceCode || prefill?.province_code || DEFAULT_PROVINCE
    const [offered, communes, limits] = await Promise.all([
      getPaymentMethods(region.id),
      listCommunes(provinceCode),
      getCartPaymentLimits(cart.id),
    ])
    const vietQrHeldBy = limits.sellersWithoutVietQr
    const depositPercent = limits.depositPercent
    // A seller whose payee the commune has not confirmed is never paid by VietQR; a pre-order
    // asking a deposit is never paid in cash on delivery.
    const methods = offered.filter(
      (m) => !(m === "vietqr" && vietQrHeldBy.length) && !(m === "cod" && depositPercent != null),
    )
    return {
      cart,
      parts,
      provinces,
      communes,
      methods,
      vietQrHeldBy,
      depositPercent,
      provinceCode,
      saved,
      prefill,
    } as const
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable" as const
    throw error
  }
}

function savedAsInput(address: SavedAddress) {
  return {
    email: "",
    full_name: address.fullName,
    phone: address.phone,
    province_code: address.provinceCode,
    commune_code: address.communeCode,
    line: address.line,
  }
}

/** The commune's own province: most buyers live nearby (Lào Cai, code 15). */
const DEFAULT_PROVINCE = process.env.SHOP_DEFAULT_PROVINCE ?? "15"

export default async function CheckoutPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Checkout")
  const tPay = await getTranslations("Payment")
  const { cart_error, edit, pay } = await searchParams
  const data = await load()
  const here = localePath(locale, "/checkout")
  if (data === "unavailable") {
    return (
      <PageShell locale={locale} pathname="/checkout">
        <StoreUnavailable retryHref={here} />
      </PageShell>
    )
  }
  if (!data.cart) {
    return (
      <PageShell locale={locale} pathname="/checkout">
        <h1>{t("title")}</h1>
        <CartErrorNotice code={cart_error} />
        <div className="notice">
          <p>{t("emptyCart")}</p>
          <a className="button" href={localePath(locale)}>
            {t("browse")}
          </a>
        </div>
      </PageShell>
    )
  }
  const {
    cart,
    parts,
    provinces,
    communes,
    methods,
    vietQrHeldBy,
    depositPercent,
    provinceCode,
    saved,
    prefill,
  } = data
  const editing = edit === "address" || !cart.address
  const shippingChosen = parts.length > 0 && parts.every((p) => p.selectedOptionId)
  const stripeKey = stripePublishableKey()
  return (
    <PageShell locale={locale} pathname="/checkout">
      <h1>{t("title")}</h1>
      <CartErrorNotice code={cart_error} />
      <OrderSummary cart={cart} shippingChosen={shippingChosen} />
      <ol className="checkout-steps">
        <li>
          <section id="address" aria-labelledby="address-title">
            <h2 id="address-title">{t("addressTitle")}</h2>
            {editing ? (
              <>
                <SavedAddresses locale={locale} addresses={saved} />
                <AddressStep
                  locale={locale}
                  cart={cart}
                  provinces={provinces}
                  communes={communes}
                  provinceCode={provinceCode}
                  prefill={prefill}
                />
              </>
            ) : cart.address ? (
              <AddressSummary
                address={cart.address}
                email={cart.email}
                editHref={`${here}?edit=address#address`}
              />
            ) : null}
          </section>
        </li>
        <li>
          <section id="shipping" aria-labelledby="shipping-title">
            <h2 id="shipping-title">{t("shippingTitle")}</h2>
            {cart.address && !editing ? (
              <ShippingForm locale={locale} parts={parts} communeCode={cart.address.communeCode} />
            ) : (
              <p className="muted">{t("addressFirst")}</p>
            )}
          </section>
        </li>
        <li>
          <section id="payment" aria-labelledby="payment-title">
            <h2 id="payment-title">{t("paymentTitle")}</h2>
            {/* Before the choices: a buyer looking for VietQR learns why it is missing first. */}
            {vietQrHeldBy.length ? (
              <p className="notice" data-testid="vietqr-held">
                {tPay("vietqrHeld", { sellers: vietQrHeldBy.join(", ") })}
              </p>
            ) : null}
            {/* A pre-order asking a deposit: cash on delivery is not offered, and this says why. */}
            {depositPercent != null ? (
              <p className="notice" data-testid="deposit-required" id="deposit-required">
                {tPay("depositRequired", { pct: depositPercent })}
              </p>
            ) : null}
            {!shippingChosen || editing || !cart.address ? (
              <p className="muted">{t("shippingFirst")}</p>
            ) : pay === "card" && stripeKey && methods.includes("card") ? (
              <CardPayment
                locale={locale}
                publishableKey={stripeKey}
                labels={{
                  loading: tPay("card.loading"),
                  pay: tPay("submit", { total: formatVnd(cart.total.amount, locale) }),
                  paying: tPay("card.paying"),
                  failed: tPay("card.failed"),
                }}
              />
            ) : (
              <PaymentForm
                locale={locale}
                methods={methods}
                total={formatVnd(cart.total.amount, locale)}
                weighed={cart.lines.filter((line) => line.soldByWeight)}
                accepted={cart.weightAccepted}
              />
            )}
          </section>
        </li>
      </ol>
    </PageShell>
  )
}
