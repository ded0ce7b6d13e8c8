import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { OcopBadge } from "@/components/catalogue/ocop-badge"
import { PerKgEstimate } from "@/components/portal/per-kg-estimate"
import { SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { type FieldSpec, SellerForm } from "@/components/portal/seller-form"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import { formatVnd } from "@/lib/money"
import { sellerContext } from "@/lib/portal/context"
import { perKgValues } from "@/lib/portal/per-kg"
import { emptyFormState } from "@/lib/portal/seller-form"
import { setPublished, updatePriceStock, updateProduct } from "@/lib/portal/seller-product-actions"
import {
  categoryOptions,
  englishFields,
  invoiceFields,
  perKgFields,
  saleUnitField,
  WHOLE_PATTERN,
} from "@/lib/portal/seller-product-fields"
import { isMissing, productState } from "@/lib/portal/seller-products"
import { getSellerProduct } from "@/lib/portal/seller-reads"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ status?: string }>
}

const STATUSES = ["created", "saved", "priceSaved", "published", "unpublished"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.products")
  return { title: t("editTitle"), robots: { index: false } }
}

/** One of the seller's products: publish it, its price and stock, its texts and photos. */
export default async function EditProductPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const { status } = await searchParams
  const t = await getTranslations("Portal.products")
  const path = `/seller/products/${encodeURIComponent(id)}`
  const context = await sellerContext(locale, localePath(locale, path))
  if (context === "unavailable") return <SellerUnavailable locale={locale} path={path} />
  const found = await getSellerProduct(locale, id)
  // Another seller's product is the same 404 as a missing one: nothing of it is shown.
  if (isMissing(found)) notFound()
  if (!found.ok) return <SellerUnavailable locale={locale} path={path} />
  const product = found.data.product
  const state = productState(product)
  const published = product.status === "published"
  const known = STATUSES.find((s) => s === status)
  return (
    <SellerFrame locale={locale} me={context.me} section="/products" pathname={path}>
      <a className="back-link" href={localePath(locale, "/seller/products")}>
        {t("back")}
      </a>
      <h1 data-testid="product-title">{product.title}</h1>
      <SellerStatus message={known ? t(`status.${known}`) : null} />
      <p>
        <span className={`badge seller-state-${state}`} data-testid="product-state">
          {t(`state.${state}`)}
        </span>{" "}
        {state === "onSale" ? (
          <a href={localePath(locale, productPath(product.handle))}>{t("viewInShop")}</a>
        ) : null}
      </p>
      {state === "waitingApproval" ? <p className="muted">{t("waitingApprovalHint")}</p> : null}
      {product.ocop ? (
        <p data-testid="product-ocop">
          <OcopBadge
            ocop={{ stars: product.ocop.stars, certificateNumber: null, expiresOn: null }}
          />{" "}
          {t("ocopCertificate", {
            number: product.ocop.certificate_number,
            date: formatDate(new Date(product.ocop.expires_on), locale),
          })}
        </p>
      ) : (
        <p className="muted">{t("noOcop")}</p>
      )}
      <SellerForm
        id="publish"
        testId="publish-form"
        action={setPublished}
        initial={emptyFormState()}
        hidden={{ locale, product_id: product.id, publish: published ? "0" : "1" }}
        submit={published ? t("unpublish") : t("publish")}
        pendingLabel={t("saving")}
        secondary={published}
        fields={[]}
      >
        <p className="field-hint">{published ? t("unpublishHint") : t("publishHint")}</p>
      </SellerForm>

      <h2>{t("priceStockTitle")}</h2>
      {product.variants.map((variant) => {
        const rule = variant.sold_by_weight
        const stockField: FieldSpec = {
          name: "stock",
          label: t("stock"),
          required: true,
          pattern: WHOLE_PATTERN,
          inputMode: "numeric",
        }
        // Sold by weight, the price follows the price per kg and the estimated weight.
        const saleUnit = saleUnitField(t)
        const fields: FieldSpec[] = rule
          ? [
              { ...saleUnit, options: saleUnit.options.filter((o) => o.value !== "fixed") },
              ...perKgFields(
                t,
                <PerKgEstimate
                  locale={locale}
                  template={t("estimate", { price: "{price}" })}
                  pending={t("estimatePending")}
                />,
              ),
              stockField,
            ]
          : [
              {
                name: "price",
                label: t("price"),
                hint: t("priceHint"),
                required: true,
                pattern: WHOLE_PATTERN,
                inputMode: "numeric",
              },
              stockField,
            ]
        return (
          <section key={variant.id} className="seller-variant" aria-label={variant.title}>
            {product.variants.length > 1 ? <h3>{variant.title}</h3> : null}
            {rule ? (
              <p data-testid="per-kg-now">
                {t("perKgNow", {
                  perKg: formatVnd(rule.price_per_kg, locale),
                  kg: (rule.grams / 1000).toLocaleString(locale === "en" ? "en-US" : "vi-VN"),
                  pct: rule.tolerance_pct,
                })}{" "}
                {variant.price == null
                  ? null
                  : t("estimate", { price: formatVnd(variant.price, locale) })}
              </p>
            ) : null}
            <SellerForm
              id={`variant-${variant.id}`}
              testId="price-stock-form"
              action={updatePriceStock}
              initial={emptyFormState({
                price: variant.price == null ? "" : String(variant.price),
                stock: String(variant.stock),
                ...(rule ? perKgValues(rule, locale) : {}),
              })}
              hidden={{
                locale,
                product_id: product.id,
                variant_id: variant.id,
                old_price: variant.price == null ? "" : String(variant.price),
                old_stock: String(variant.stock),
                old_rule: rule ? JSON.stringify(rule) : "",
              }}
              submit={t("savePriceStock")}
              pendingLabel={t("saving")}
              fields={fields}
            />
          </section>
        )
      })}

      <h2>{t("detailsTitle")}</h2>
      <SellerForm
        id="product"
        testId="product-form"
        action={updateProduct}
        initial={{
          ...emptyFormState({
            title: product.title,
            description: product.description ?? "",
            title_en: product.en.title ?? "",
            description_en: product.en.description ?? "",
            category_id: product.category_ids[0] ?? "",
            vat_rate: product.vat_rate ?? "KCT",
            invoice_unit: product.invoice_unit ?? "",
            images: product.images,
          }),
          options: { images: product.images.map((url) => ({ value: url, label: url })) },
        }}
        hidden={{ locale, product_id: product.id }}
        submit={t("save")}
        pendingLabel={t("saving")}
        fields={[
          { name: "title", label: t("productTitle"), required: true, minLength: 2 },
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
            hint: t("photosEditHint"),
          },
        ]}
      />
    </SellerFrame>
  )
}
