import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CategoryNav } from "@/components/catalogue/category-nav"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { ProductGrid } from "@/components/product/product-grid"
import { pageLocale } from "@/i18n/locale"
import { localePath, searchPath } from "@/i18n/paths"
import {
  type Category,
  listCategories,
  MAX_QUERY_LENGTH,
  type Product,
  StoreUnavailableError,
  searchProducts,
} from "@/lib/medusa"
import { pageAlternates } from "@/lib/seo/alternates"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ q?: string | string[] }>
}

type Results = { products: Product[]; categories: Category[] }

async function search(query: string): Promise<Results | "unavailable"> {
  try {
    const [products, categories] = await Promise.all([searchProducts(query), listCategories()])
    return { products, categories }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

async function readQuery(searchParams: Props["searchParams"]): Promise<string> {
  const { q } = await searchParams
  const value = Array.isArray(q) ? q[0] : q
  return (value ?? "").trim().slice(0, MAX_QUERY_LENGTH)
}

// Result pages are endless variations of the catalogue: not for search engines' indexes.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const t = await getTranslations("Search")
  return {
    title: t("title"),
    robots: { index: false, follow: true },
    alternates: pageAlternates(locale, searchPath(await readQuery(searchParams))),
  }
}

export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Search")
  const query = await readQuery(searchParams)
  const pathname = searchPath(query)
  const results = await search(query)
  if (results === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname}>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const { products, categories } = results
  return (
    <PageShell locale={locale} pathname={pathname} query={query}>
      <h1>{query ? t("resultsTitle", { query }) : t("title")}</h1>
      {!query ? (
        <p className="intro">{t("prompt")}</p>
      ) : products.length > 0 ? (
        <>
          <p className="intro" role="status" data-testid="search-count">
            {t("found", { count: products.length })}
          </p>
          <ProductGrid products={products} locale={locale} />
        </>
      ) : (
        <div className="notice" role="status" data-testid="search-empty">
          <p className="notice-title">{t("noResults", { query })}</p>
          <p>{t("noResultsHelp")}</p>
          <CategoryNav
            categories={categories}
            locale={locale}
            label={t("noResultsHelp")}
            className="category-tiles"
          />
        </div>
      )}
      {!query ? (
        <CategoryNav
          categories={categories}
          locale={locale}
          label={t("prompt")}
          className="category-tiles"
        />
      ) : null}
    </PageShell>
  )
}
