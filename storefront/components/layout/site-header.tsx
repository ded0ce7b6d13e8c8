import { getTranslations } from "next-intl/server"
import { CategoryNav } from "@/components/catalogue/category-nav"
import { SearchForm } from "@/components/catalogue/search-form"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { type Category, listCategories, StoreUnavailableError } from "@/lib/medusa"
import { getCartItemCount } from "@/lib/medusa/cart"
import { CartCount } from "./cart-count"
import { LocaleSwitch } from "./locale-switch"

type Props = {
  locale: Locale
  /** This page's path without the locale (with its query, for search), for the language switch. */
  pathname: string
  /** The text in the search box (the search page shows what was searched). */
  query?: string
  /**
   * The page is cached HTML shared by every buyer (the catalogue): the cart count is fetched by
   * the browser instead of rendered here.
   */
  shared?: boolean
}

/** The categories for the header; the header still renders when the backend is down. */
async function headerCategories(): Promise<Category[]> {
  try {
    return await listCategories()
  } catch (error) {
    if (error instanceof StoreUnavailableError) return []
    throw error
  }
}

/**
 * Brand, cart and language on the first row; the search box on the second; the categories on a
 * third row that scrolls sideways on a narrow phone. Links and a GET form: no JavaScript.
 */
export async function SiteHeader({ locale, pathname, query, shared = false }: Props) {
  const t = await getTranslations("Metadata")
  const tHeader = await getTranslations("Header")
  const [categories, cartCount] = await Promise.all([
    headerCategories(),
    shared ? 0 : getCartItemCount(),
  ])
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {tHeader("skipToContent")}
      </a>
      <div className="header-top">
        <a className="brand" href={localePath(locale)}>
          {t("siteName")}
        </a>
        <a className="cart-link" href={localePath(locale, "/cart")} data-testid="cart-link">
          {tHeader("cart")}
          {shared ? (
            <CartCount
              one={tHeader("cartCount", { count: 1 }).replace("1", "#")}
              other={tHeader("cartCount", { count: 2 }).replace("2", "#")}
            />
          ) : cartCount > 0 ? (
            <>
              <span className="cart-count" data-testid="cart-count" aria-hidden="true">
                {cartCount}
              </span>
              <span className="visually-hidden"> {tHeader("cartCount", { count: cartCount })}</span>
            </>
          ) : null}
        </a>
        <LocaleSwitch locale={locale} pathname={pathname} />
      </div>
      <SearchForm
        id="header-q"
        locale={locale}
        query={query}
        label={tHeader("searchLabel")}
        placeholder={tHeader("searchPlaceholder")}
        submit={tHeader("searchSubmit")}
      />
      <CategoryNav
        categories={categories}
        locale={locale}
        label={tHeader("categories")}
        className="category-nav header-categories"
      />
    </header>
  )
}
