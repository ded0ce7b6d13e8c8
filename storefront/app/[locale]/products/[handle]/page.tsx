import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { ProductDetails } from "@/components/product/product-details"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath } from "@/i18n/paths"
import { getProductByHandle, type Product, StoreUnavailableError } from "@/lib/medusa"

type Props = { params: Promise<{ locale: string; handle: string }> }

/** The product, null when the handle is unknown, "unavailable" when the backend failed. */
async function loadProduct(handle: string): Promise<Product | null | "unavailable"> {
  try {
    return await getProductByHandle(handle)
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params
  const product = await loadProduct(decodeURIComponent(handle))
  if (!product || product === "unavailable") return {}
  return { title: product.title, description: product.description ?? undefined }
}

export default async function ProductPage({ params }: Props) {
  const locale = await pageLocale(params)
  const handle = decodeURIComponent((await params).handle)
  const product = await loadProduct(handle)
  if (product === null) notFound()
  const pathname = productPath(handle)
  return (
    <PageShell locale={locale} pathname={pathname}>
      {product === "unavailable" ? (
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      ) : (
        <ProductDetails product={product} locale={locale} />
      )}
    </PageShell>
  )
}
