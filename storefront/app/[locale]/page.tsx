import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { ProductGrid } from "@/components/product/product-grid"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { listProducts, type Product, StoreUnavailableError } from "@/lib/medusa"

type Props = { params: Promise<{ locale: string }> }

async function loadProducts(): Promise<Product[] | null> {
  try {
    return await listProducts()
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
    throw error
  }
}

export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Home")
  const products = await loadProducts()
  return (
    <PageShell locale={locale} pathname="/">
      {products === null ? (
        <StoreUnavailable retryHref={localePath(locale)} />
      ) : (
        <>
          <h1>{t("title")}</h1>
          <p className="intro">{t("intro")}</p>
          {products.length > 0 ? (
            <ProductGrid products={products} locale={locale} />
          ) : (
            <p className="notice">{t("empty")}</p>
          )}
        </>
      )}
    </PageShell>
  )
}
