import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { OriginBatchForm } from "@/components/portal/origin-batch-form"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { sellerProductOptions } from "@/lib/portal/origin-api"
import { BATCH_FIELDS } from "@/lib/portal/origin-forms"
import { fieldTexts } from "@/lib/portal/origin-page"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  return { title: t("newTitle"), robots: { index: false } }
}

/** Create a batch: the product comes from the seller's own products. */
export default async function NewBatchPage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  const path = "/seller/origin/new"
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  const products = context === "unavailable" ? null : await sellerProductOptions(locale)
  if (context === "unavailable" || !products?.ok) {
    return (
      <PortalShell locale={locale} portal="seller" pathname={path} title={t("newTitle")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  return (
    <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
      <p>
        <a href={localePath(locale, "/seller/origin")}>{t("backToList")}</a>
      </p>
      <h1>{t("newTitle")}</h1>
      {products.data.length === 0 ? (
        <p className="notice">
          {t("noProducts")} <a href={localePath(locale, "/seller/products")}>{t("toProducts")}</a>
        </p>
      ) : (
        <>
          <p className="muted">{t("newIntro")}</p>
          <OriginBatchForm
            locale={locale}
            products={products.data}
            fields={fieldTexts(t, "fields", BATCH_FIELDS)}
            legends={{
              lot: t("legends.lot"),
              area: t("legends.area"),
              dates: t("legends.dates"),
              vietgap: t("legends.vietgap"),
              organic: t("legends.organic"),
            }}
            unitSuggestions={["kg", "tấn", "túi", "hộp", "chai", "lít", "bó"]}
            submit={t("create")}
            saving={t("saving")}
          />
        </>
      )}
    </SellerFrame>
  )
}
