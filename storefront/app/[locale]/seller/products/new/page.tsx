import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PerKgEstimate } from "@/components/portal/per-kg-estimate"
import { SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerForm } from "@/components/portal/seller-form"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { emptyFormState } from "@/lib/portal/seller-form"
import { createProduct } from "@/lib/portal/seller-product-actions"
import {
  categoryOptions,
  englishFields,
  invoiceFields,
  perKgFields,
  saleUnitField,
  WHOLE_PATTERN,
} from "@/lib/portal/seller-product-fields"

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.products")
  return { title: t("newTitle"), robots: { index: false } }
}

/**
 * A new product: a draft with one packaging, its price in whole dong (or per kg, weighed at
 * packing), stock and photos.
 */
export default async function NewProductPage({ params }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.products")
  const path = "/seller/products/new"
  const context = await sellerContext(locale, localePath(locale, path))
  if (context === "unavailable") return <SellerUnavailable locale={locale} path={path} />
  return (
    <SellerFrame locale={locale} me={context.me} section="/products" pathname={path}>
      <a className="back-link" href={localePath(locale, "/seller/products")}>
        {t("back")}
      </a>
      <h1>{t("newTitle")}</h1>
      <p>{t("newIntro")}</p>
      <SellerForm
        id="product"
        testId="product-form"
        action={createProduct}
        initial={emptyFormState({
          variant_title: t("defaultVariant"),
          stock: "0",
          sale_unit: "fixed",
          tolerance_pct: "10",
        })}
        hidden={{ locale }}
        submit={t("create")}
        pendingLabel={t("saving")}
        fields={[
          {
            name: "title",
            label: t("productTitle"),
            hint: t("titleHint"),
            required: true,
            minLength: 2,
          },
          { name: "description", label: t("description"), type: "textarea" },
          ...englishFields(t),
          {
            name: "category_id",
            label: t("category"),
            type: "select",
            placeholder: t("noCategory"),
            options: await categoryOptions(locale),
          },
          ...invoiceFields(t),
          {
            name: "images",
            label: t("photos"),
            type: "photos",
            addLabel: t("takePhoto"),
            keepLabel: t("keepPhoto"),
            hint: t("photosHint"),
          },
          {
            name: "variant_title",
            label: t("variantTitle"),
            hint: t("variantHint"),
            required: true,
          },
          saleUnitField(t),
          {
            name: "price",
            label: t("price"),
            hint: t("priceFixedHint"),
            pattern: WHOLE_PATTERN,
            inputMode: "numeric",
            className: "fixed-only",
          },
          ...perKgFields(
            t,
            <PerKgEstimate
              locale={locale}
              template={t("estimate", { price: "{price}" })}
              pending={t("estimatePending")}
            />,
          ),
          {
            name: "stock",
            label: t("stock"),
            required: true,
            pattern: WHOLE_PATTERN,
            inputMode: "numeric",
          },
          {
            name: "weight",
            label: t("weight"),
            hint: t("weightHint"),
            pattern: WHOLE_PATTERN,
            inputMode: "numeric",
            className: "fixed-only",
          },
        ]}
      />
    </SellerFrame>
  )
}
