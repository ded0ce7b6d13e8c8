import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { ProductSection } from "@/components/catalogue/product-section"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { PageShell } from "@/components/layout/page-shell"
import { pageLocale } from "@/i18n/locale"
import { communePath, localePath, sellerPath } from "@/i18n/paths"
import { getSellerPage, type SellerPage, StoreUnavailableError } from "@/lib/medusa"
import { pageAlternates } from "@/lib/seo/alternates"

type Props = { params: Promise<{ locale: string; handle: string }> }

// Cached HTML shared by every buyer, rendered on first request and kept until its data's tags
// are revalidated, or a minute (see the locale layout).
export const revalidate = 60

export function generateStaticParams() {
  return []
}

/** The seller's page; null when unknown, pending or suspended; "unavailable" when the backend failed. */
async function loadSeller(handle: string): Promise<SellerPage | null | "unavailable"> {
  try {
    return await getSellerPage(handle)
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
  const page = await loadSeller(handle)
  if (!page || page === "unavailable") return {}
  return {
    title: page.seller.name,
    description: page.seller.description ?? undefined,
    alternates: pageAlternates(locale, sellerPath(handle)),
  }
}

export default async function SellerProfilePage({ params }: Props) {
  const locale = await pageLocale(params)
  const handle = decodeHandle((await params).handle)
  const page = await loadSeller(handle)
  if (page === null) notFound()
  const pathname = sellerPath(handle)
  if (page === "unavailable") {
    return (
      <PageShell locale={locale} pathname={pathname} shared>
        <StoreUnavailable retryHref={localePath(locale, pathname)} />
      </PageShell>
    )
  }
  const t = await getTranslations("Seller")
  const tCatalogue = await getTranslations("Catalogue")
  const { seller, products } = page
  return (
    <PageShell locale={locale} pathname={pathname} shared>
      <header className="profile">
        {seller.logoUrl ? (
          // biome-ignore lint/performance/noImgElement: sellers' logos come from the backend as they were uploaded
          <img src={seller.logoUrl} alt="" width={72} height={72} className="profile-logo" />
        ) : null}
        <div>
          <h1>{seller.name}</h1>
          {seller.kind ? <p className="muted">{tCatalogue(seller.kind)}</p> : null}
        </div>
      </header>
      {seller.description ? <p className="description">{seller.description}</p> : null}
      <dl className="product-facts" data-testid="seller-facts">
        {seller.address ? (
          <div>
            <dt>{t("address")}</dt>
            <dd>{seller.address}</dd>
          </div>
        ) : null}
        {seller.phone ? (
          <div>
            <dt>{t("phone")}</dt>
            <dd>
              <a href={`tel:${seller.phone.replace(/[^\d+]/g, "")}`}>{seller.phone}</a>
            </dd>
          </div>
        ) : null}
        {seller.commune ? (
          <div>
            <dt>{t("commune")}</dt>
            <dd>
              <a href={localePath(locale, communePath(seller.commune.code))}>
                {seller.commune.name}
              </a>
              {seller.province ? `, ${seller.province.name}` : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <ProductSection
        id="seller-products"
        title={t("products")}
        products={products}
        locale={locale}
        empty={t("empty")}
        hideSeller
      />
    </PageShell>
  )
}
