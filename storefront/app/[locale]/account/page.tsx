import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { AccountForms } from "@/components/account/account-forms"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { OrderParts } from "@/components/order/order-parts"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import { StoreUnavailableError } from "@/lib/medusa"
import { signOut } from "@/lib/medusa/account-actions"
import type { Customer, Order } from "@/lib/medusa/cart-types"
import { getCustomer } from "@/lib/medusa/customer"
import { listCustomerOrders } from "@/lib/medusa/orders"
import { formatVnd } from "@/lib/money"
import { pageAlternates } from "@/lib/seo/alternates"
import "@/styles/checkout.css"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string }> }

const PAGE_SIZE = 10

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const t = await getTranslations("Account")
  return {
    title: t("title"),
    robots: { index: false },
    alternates: pageAlternates(locale, "/account"),
  }
}

async function load(
  page: number,
): Promise<{ customer: Customer | null; orders: Order[]; count: number } | "unavailable"> {
  try {
    const customer = await getCustomer()
    if (!customer) return { customer, orders: [], count: 0 }
    const { orders, count } = await listCustomerOrders(PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return { customer, orders, count }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

/** Sign in or create an account; once signed in, the buyer's orders with each seller part. */
export default async function AccountPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Account")
  const tOrder = await getTranslations("Order")
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1)
  const data = await load(page)
  const here = localePath(locale, "/account")
  if (data === "unavailable") {
    return (
      <PageShell locale={locale} pathname="/account">
        <StoreUnavailable retryHref={here} />
      </PageShell>
    )
  }
  if (!data.customer) {
    return (
      <PageShell locale={locale} pathname="/account">
        <h1>{t("title")}</h1>
        <p>{t("why")}</p>
        <AccountForms
          locale={locale}
          labels={{
            signInTitle: t("signInTitle"),
            registerTitle: t("registerTitle"),
            email: t("email"),
            name: t("name"),
            password: t("password"),
            passwordHint: t("passwordHint"),
            signIn: t("signIn"),
            register: t("register"),
          }}
        />
      </PageShell>
    )
  }
  const pages = Math.max(1, Math.ceil(data.count / PAGE_SIZE))
  return (
    <PageShell locale={locale} pathname="/account">
      <h1>{t("hello", { name: data.customer.firstName ?? data.customer.email })}</h1>
      <form action={signOut}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="button-link">
          {t("signOut")}
        </button>
      </form>
      <h2>{t("orders")}</h2>
      {data.orders.length === 0 ? (
        <p className="notice">{t("noOrders")}</p>
      ) : (
        <ul className="order-history">
          {data.orders.map((order) => (
            <li key={order.id} data-testid="history-order">
              <h3>
                <a href={localePath(locale, `/orders/${order.id}`)}>
                  {tOrder("title", { number: order.displayId })}
                </a>
              </h3>
              <p className="muted">
                {formatDate(order.createdAt, locale)} · {formatVnd(order.total.amount, locale)}
              </p>
              <OrderParts parts={order.parts} locale={locale} showQr={false} level={4} />
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("pages")}>
          {page > 1 ? <a href={`${here}?page=${page - 1}`}>{t("previous")}</a> : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <a href={`${here}?page=${page + 1}`}>{t("next")}</a> : null}
        </nav>
      ) : null}
    </PageShell>
  )
}
