import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { OcopBadge } from "@/components/catalogue/ocop-badge"
import { SellerPager, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatQuantity } from "@/lib/format"
import { formatVnd } from "@/lib/money"
import { sellerContext } from "@/lib/portal/context"
import { PAGE_SIZE, pageNumber } from "@/lib/portal/paging"
import { productState } from "@/lib/portal/seller-products"
import { listSellerProducts } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ page?: string; status?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.products")
  return { title: t("title"), robots: { index: false } }
}

/** The seller's products, newest first, with where each stands, its price, stock and badge. */
export default async function SellerProductsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.products")
  const { page: rawPage } = await searchParams
  const page = pageNumber(rawPage)
  const path = "/seller/products"
  const context = await sellerContext(locale, localePath(locale, path))
  const list = context === "unavailable" ? null : await listSellerProducts(locale, page)
  if (context === "unavailable" || !list?.ok)
    return <SellerUnavailable locale={locale} path={path} />
  const { products, count } = list.data
  return (
    <SellerFrame locale={locale} me={context.me} section="/products" pathname={path}>
      <h1>{t("title")}</h1>
      <a className="button button-wide" href={localePath(locale, "/seller/products/new")}>
        {t("new")}
      </a>
      {products.length === 0 ? (
        <p className="notice">{t("empty")}</p>
      ) : (
        <ul className="seller-list" data-testid="seller-products">
          {products.map((product) => {
            const variant = product.variants[0]
            const state = productState(product)
            return (
              <li key={product.id} className="seller-item" data-testid="seller-product">
                {product.thumbnail ? (
                  // biome-ignore lint/performance/noImgElement: uploaded photos and seeded SVGs, shown small; next/image adds nothing here
                  <img src={product.thumbnail} alt="" width={72} height={72} />
                ) : (
                  <span className="seller-item-noimage" aria-hidden="true" />
                )}
                <div>
                  <a
                    className="clamp-2"
                    href={localePath(locale, `/seller/products/${product.id}`)}
                    title={product.title}
                  >
                    {product.title}
                  </a>
                  <p>
                    <span className={`badge seller-state-${state}`}>{t(`state.${state}`)}</span>{" "}
                    {product.ocop ? (
                      <OcopBadge
                        ocop={{
                          stars: product.ocop.stars,
                          certificateNumber: null,
                          expiresOn: null,
                        }}
                      />
                    ) : null}
                  </p>
                  <p className="muted">
                    {variant?.price != null ? formatVnd(variant.price, locale) : t("noPrice")} ·{" "}
                    {t("stockCount", { count: formatQuantity(variant?.stock ?? 0, locale) })}
                  </p>
                </div>
              </li>
            )
          })}
        </ul>
      )}
      <SellerPager href={localePath(locale, path)} page={page} count={count} pageSize={PAGE_SIZE} />
    </SellerFrame>
  )
}
