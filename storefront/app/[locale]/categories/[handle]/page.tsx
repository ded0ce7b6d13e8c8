import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { CategoryNav } from "@/components/catalogue/category-nav"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { ProductGrid } from "@/components/product/product-grid"
import { pageLocale } from "@/i18n/locale"
import { categoryPath, localePath } from "@/i18n/paths"
import {
  type Category,
  listCategories,
  listProducts,
  type Product,
  StoreUnavailableError,
} from "@/lib/medusa"
import { pageAlternates } from "@/lib/seo/alternates"

type Props = { params: Promise<{ locale: string; handle: string }> }

// Cached HTML shared by every buyer, rendered on first request and kept until its data's tags
// are revalidated, or a minute (see the locale layout).
export const revalidate = 60

export function generateStaticParams() {
  return []
}

type CategoryPage = { category: Category; categories: Category[]; products: Product[] }

/** The category and its products; null for an unknown handle; "unavailable" when the backend failed. */
async function loadCategory(handle: string): Promise<CategoryPage | null | "unavailable"> {
  try {
    const categories = await listCategories()
    const category = categories.find((c) => c.handle === handle)
    if (!category) return null
    const products = await listProducts({ categoryId: category.id, limit: 100 })
    return { category, categories, products }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

function decodeHandle(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params)
  const handle = decodeHandle((await params).handle)
  const categories = await listCategories().catch(() => [])
  const category = categories.find((c) => c.handle === handle)
  return category
    ? { title: category.name[locale], alternates: pageAlternates(locale, categoryPath(handle)) }
    : {}
}

export default async function CategoryProductsPage({ params }: Props) {
  const locale = await pageLocale(params)
  const handle = decodeHandle((await params).handle)
  const page = await loadCategory(handle)
  if (page === null) notFound()
  const pathname = categoryPath(handle)
  if (page === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname} shared>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const t = await getTranslations("Category")
  const name = page.category.name[locale]
  return (
    <PageShell locale={locale} pathname={pathname} shared>
      <h1>{name}</h1>
      <p className="intro">{t("intro", { name })}</p>
      {page.products.length > 0 ? (
        <ProductGrid products={page.products} locale={locale} />
      ) : (
        <p className="notice">{t("empty")}</p>
      )}
      <section className="catalogue-section" aria-labelledby="other-categories">
        <h2 id="other-categories">{t("others")}</h2>
        <CategoryNav
          categories={page.categories}
          current={handle}
          locale={locale}
          label={t("others")}
          className="category-tiles"
        />
      </section>
    </PageShell>
  )
}
