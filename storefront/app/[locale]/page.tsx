import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CategoryNav } from "@/components/catalogue/category-nav"
import { ProductSection } from "@/components/catalogue/product-section"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { pageLocale } from "@/i18n/locale"
import { communePath, localePath } from "@/i18n/paths"
import {
  type Category,
  type Commune,
  listCategories,
  listProducts,
  listSellerCommunes,
  type Product,
  pickFeatured,
  StoreUnavailableError,
} from "@/lib/medusa"
import { pageAlternates } from "@/lib/seo/alternates"

type Props = { params: Promise<{ locale: string }> }

// Cached HTML shared by every buyer, rendered on first request and kept until its data's tags
// are revalidated, or a minute (see the locale layout).
export const revalidate = 60

export function generateStaticParams() {
  return []
}

type Home = { products: Product[]; categories: Category[]; communes: Commune[] }

async function loadHome(): Promise<Home | null> {
  try {
    const [products, categories, communes] = await Promise.all([
      // A commune's whole catalogue fits one page; the featured row is picked from it.
      listProducts({ limit: 100 }),
      listCategories(),
      listSellerCommunes(),
    ])
    return { products, categories, communes }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
    throw error
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: pageAlternates(await pageLocale(params)) }
}

export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Home")
  const home = await loadHome()
  if (!home) {
    return (
      <PageShell locale={locale} pathname="/" shared>
        <StoreUnavailable retryHref={localePath(locale)} />
      </PageShell>
    )
  }
  const featured = pickFeatured(home.products)
  // Each product once on the page: the rest follow the featured row.
  const others = home.products.filter((product) => !featured.includes(product))
  return (
    <PageShell locale={locale} pathname="/" shared>
      <h1>{t("title")}</h1>
      <p className="intro">{t("intro")}</p>
      {home.products.length === 0 ? (
        <p className="notice">{t("empty")}</p>
      ) : (
        <>
          {featured.length > 0 ? (
            <ProductSection
              id="featured"
              title={t("featured")}
              products={featured}
              locale={locale}
              empty={t("empty")}
            />
          ) : null}
          <section className="catalogue-section" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t("categories")}</h2>
            <CategoryNav
              categories={home.categories}
              locale={locale}
              label={t("categories")}
              className="category-tiles"
            />
          </section>
          {others.length > 0 ? (
            <ProductSection
              id="more-products"
              title={featured.length > 0 ? t("moreProducts") : t("allProducts")}
              products={others}
              locale={locale}
              empty={t("empty")}
            />
          ) : null}
        </>
      )}
      {home.communes.length > 0 ? (
        <section className="catalogue-section" aria-labelledby="communes-heading">
          <h2 id="communes-heading">{t("communes")}</h2>
          <ul className="commune-links">
            {home.communes.map((commune) => (
              <li key={commune.code}>
                <a href={localePath(locale, communePath(commune.code))}>{commune.name}</a>
                <span className="muted">
                  {" "}
                  · {commune.province.name} · {t("communeSellers", { count: commune.sellers })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PageShell>
  )
}
