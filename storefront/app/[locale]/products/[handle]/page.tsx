import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Suspense } from "react"
import { CartErrorFromQuery } from "@/components/cart/cart-error-from-query"
import { cartErrorMessages } from "@/components/cart/cart-error-notice"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { PreorderNotice } from "@/components/product/preorder-notice"
import { ProductDetails } from "@/components/product/product-details"
import { ProductJsonLd } from "@/components/product/product-json-ld"
import { ProductOrigin } from "@/components/product/product-origin"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath } from "@/i18n/paths"
import {
  type Commune,
  getProductByHandle,
  listSellerCommunes,
  type Product,
  StoreUnavailableError,
} from "@/lib/medusa"
import { getProductPreorder, type Preorder } from "@/lib/medusa/preorders"
import { pageAlternates } from "@/lib/seo/alternates"
import { productDescription, productTitle } from "@/lib/text/localized"
import { TraceUnavailableError } from "@/lib/traceability"
import { getProductOrigin } from "@/lib/traceability/batch"
import type { ProductOrigin as Origin } from "@/lib/traceability/batch-reshape"

type Props = { params: Promise<{ locale: string; handle: string }> }

// Cached HTML, the same for every buyer (see the locale layout): rendered on a product's first
// request, then served from Next's cache until the product's tags are revalidated, or a minute.
// Nothing here reads the buyer's cookies or the query: the cart count and a failed add's notice
// are filled in by the browser.
export const revalidate = 60

export function generateStaticParams() {
  return []
}

/** The product, null when the handle is unknown, "unavailable" when the backend failed. */
async function loadProduct(handle: string): Promise<Product | null | "unavailable"> {
  try {
    return await getProductByHandle(handle)
  } catch (error) {
    if (error instanceof StoreUnavailableError) return "unavailable"
    throw error
  }
}

/** The seller's commune by name; the page does without it when the list cannot be read. */
async function loadCommune(code: string | null | undefined): Promise<Commune | null> {
  if (!code) return null
  try {
    return (await listSellerCommunes()).find((commune) => commune.code === code) ?? null
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
    throw error
  }
}

/** The origin section's data; the rest of the page never waits on the service failing. */
async function loadOrigin(productId: string): Promise<Origin | null | "unavailable"> {
  try {
    return await getProductOrigin(productId)
  } catch (error) {
    if (error instanceof TraceUnavailableError) return "unavailable"
    throw error
  }
}

/** The product's harvest pre-order; the page does without it when the backend did not answer. */
async function loadPreorder(productId: string): Promise<Preorder | null> {
  try {
    return await getProductPreorder(productId)
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
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
  const product = await loadProduct(handle)
  if (!product || product === "unavailable") return {}
  return {
    title: productTitle(product, locale).text,
    alternates: pageAlternates(locale, productPath(handle)),
    description: productDescription(product, locale)?.text,
    openGraph: product.thumbnail ? { images: [product.thumbnail] } : undefined,
  }
}

export default async function ProductPage({ params }: Props) {
  const locale = await pageLocale(params)
  const handle = decodeHandle((await params).handle)
  const product = await loadProduct(handle)
  if (product === null) notFound()
  const pathname = productPath(handle)
  if (product === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname} shared>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const [commune, origin, preorder, messages] = await Promise.all([
    loadCommune(product.seller?.communeCode),
    loadOrigin(product.id),
    loadPreorder(product.id),
    cartErrorMessages(),
  ])
  // The diary on this page is the newest batch's: the pre-order's own when it is that batch.
  const diaryHref =
    preorder && origin && origin !== "unavailable" && origin.batch.id === preorder.batchId
      ? "#origin-heading"
      : null
  return (
    <PageShell locale={locale} pathname={pathname} shared>
      <ProductJsonLd product={product} locale={locale} />
      <ProductDetails
        product={product}
        locale={locale}
        commune={commune}
        pathname={pathname}
        cartNotice={
          <Suspense fallback={null}>
            <CartErrorFromQuery messages={messages} />
          </Suspense>
        }
        preorder={
          preorder ? (
            <PreorderNotice preorder={preorder} locale={locale} diaryHref={diaryHref} />
          ) : null
        }
        origin={
          <ProductOrigin origin={origin} locale={locale} retryHref={localePath(locale, pathname)} />
        }
      />
    </PageShell>
  )
}
