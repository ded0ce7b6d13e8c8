"use server"

import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { CACHE_TAGS } from "@/lib/cache-tags"
import { backend } from "./api"
import { type PerKgErrors, type PerKgResult, readPerKg } from "./per-kg"
import { type FormState, failureState, type Option, parseWhole, readText } from "./seller-form"
import { isVatRate } from "./seller-product-fields"

// Creating and editing a product from the seller portal. Photos taken with the phone's camera
// are uploaded first (POST /seller/uploads, the files forwarded as they came); their URLs then
// travel with the form as "keep this photo" boxes, so a refused save never loses them.

async function texts(locale: Locale) {
  const f = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  const t = await getTranslations({ locale, namespace: "Portal.products" })
  return {
    unavailable: f("unavailable"),
    signInAgain: f("signInAgain"),
    failed: f("failed"),
    label: {
      productTitle: t("productTitle"),
      description: t("description"),
      titleEn: t("titleEn"),
      descriptionEn: t("descriptionEn"),
      category: t("category"),
      photos: t("photos"),
      variantTitle: t("variantTitle"),
      price: t("price"),
      stock: t("stock"),
      weight: t("weight"),
      vatRate: t("vatRate"),
      invoiceUnit: t("invoiceUnit"),
      pricePerKg: t("pricePerKg"),
      unitKg: t("unitKg"),
      tolerancePct: t("tolerancePct"),
    },
    error: {
      title: t("errors.title"),
      titleEn: t("errors.titleEn"),
      titleTaken: t("errors.titleTaken"),
      variantTitle: t("errors.variantTitle"),
      price: t("errors.price"),
      stock: t("errors.stock"),
      weight: t("errors.weight"),
      fixFields: t("errors.fixFields"),
      pricePerKg: t("errors.pricePerKg"),
      unitKg: t("errors.unitKg"),
      tolerance: t("errors.tolerance"),
    },
  }
}

type Texts = Awaited<ReturnType<typeof texts>>

/** The per-kg fields' errors in the person's language. */
const perKgErrors = (errors: PerKgErrors, x: Texts) =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, x.error[key]]))

/** The backend's names of the per-kg fields (variants.{i}.sold_by_weight.*), as the form's. */
const perKgBackendFields = (prefix: string, x: Texts) => ({
  [`${prefix}sold_by_weight`]: { name: "price_per_kg", label: x.label.pricePerKg },
  [`${prefix}sold_by_weight.price_per_kg`]: { name: "price_per_kg", label: x.label.pricePerKg },
  [`${prefix}sold_by_weight.grams`]: { name: "unit_kg", label: x.label.unitKg },
  [`${prefix}sold_by_weight.tolerance_pct`]: {
    name: "tolerance_pct",
    label: x.label.tolerancePct,
  },
})

/** The variant's price and rule: typed, or computed from the price per kg. */
function priceAndRule(perKg: PerKgResult, typed: number | null) {
  return perKg.kind === "perKg"
    ? { price: perKg.price, sold_by_weight: perKg.rule }
    : { price: typed, sold_by_weight: undefined }
}

const productPage = (locale: Locale, id: string, status: string) =>
  `${localePath(locale, `/seller/products/${encodeURIComponent(id)}`)}?status=${status}`

/** The shop shows the change at once (the backend also tells it, a moment later). */
function refreshShop() {
  revalidateTag(CACHE_TAGS.products, { expire: 0 })
}

/** Photos kept (already uploaded) and those just taken, uploaded now. */
async function collectPhotos(locale: Locale, form: FormData, x: Texts) {
  const kept = form.getAll("images").filter((v): v is string => typeof v === "string" && !!v)
  const files = form.getAll("photos").filter((v): v is File => v instanceof File && v.size > 0)
  if (!files.length) return { ok: true as const, images: kept }
  const upload = new FormData()
  for (const file of files) upload.append("files", file, file.name)
  const sent = await backend<{ files: { url: string }[] }>("/seller/uploads", {
    method: "POST",
    form: upload,
    locale,
  })
  if (!sent.ok) {
    return {
      ok: false as const,
      images: kept,
      state: failureState(
        sent.error,
        { images: kept },
        { files: { name: "images", label: x.label.photos } },
        x,
      ),
    }
  }
  return { ok: true as const, images: [...kept, ...sent.data.files.map((f) => f.url)] }
}

const photoOptions = (images: string[]): Record<string, Option[]> => ({
  images: images.map((url) => ({ value: url, label: url })),
})

function detailFields(x: Texts) {
  return {
    title: { name: "title", label: x.label.productTitle },
    handle: { name: "title", label: x.label.productTitle },
    description: { name: "description", label: x.label.description },
    "en.title": { name: "title_en", label: x.label.titleEn },
    "en.description": { name: "description_en", label: x.label.descriptionEn },
    category_ids: { name: "category_id", label: x.label.category },
    "category_ids.0": { name: "category_id", label: x.label.category },
    images: { name: "images", label: x.label.photos },
    vat_rate: { name: "vat_rate", label: x.label.vatRate },
    invoice_unit: { name: "invoice_unit", label: x.label.invoiceUnit },
  }
}

/** The VAT rate and unit on invoices, when chosen (an empty unit keeps the stored one). */
function invoiceBody(v: Record<string, string>) {
  return {
    ...(isVatRate(v.vat_rate) ? { vat_rate: v.vat_rate } : {}),
    ...(v.invoice_unit ? { invoice_unit: v.invoice_unit } : {}),
  }
}

function checkDetails(v: Record<string, string>, x: Texts) {
  const errors: Record<string, string> = {}
  if (v.title.length < 2) errors.title = x.error.title
  if (v.title_en.length === 1) errors.title_en = x.error.titleEn
  return errors
}

export async function createProduct(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const x = await texts(locale)
  const v = readText(form, [
    "title",
    "description",
    "title_en",
    "description_en",
    "category_id",
    "variant_title",
    "price",
    "stock",
    "weight",
    "vat_rate",
    "invoice_unit",
    "sale_unit",
    "price_per_kg",
    "unit_kg",
    "tolerance_pct",
  ])
  const perKg = readPerKg(v)
  const { price, sold_by_weight } = priceAndRule(perKg, parseWhole(v.price))
  const stock = parseWhole(v.stock || "0")
  // Sold by weight, one unit's estimated weight is its shipping weight (the backend sets it).
  const weight = v.weight && !sold_by_weight ? parseWhole(v.weight) : null
  const errors = checkDetails(v, x)
  if (!v.variant_title) errors.variant_title = x.error.variantTitle
  if (perKg.kind === "invalid") Object.assign(errors, perKgErrors(perKg.errors, x))
  else if (price === null) errors.price = x.error.price
  if (stock === null) errors.stock = x.error.stock
  if (v.weight && !sold_by_weight && weight === null) errors.weight = x.error.weight
  const photos = await collectPhotos(locale, form, x)
  const values = { ...v, images: photos.images }
  const options = photoOptions(photos.images)
  if (!photos.ok) return { ...photos.state, values, options }
  if (Object.keys(errors).length) {
    return { values, errors, formError: x.error.fixFields, options }
  }
  const made = await backend<{ product: { id: string } }>("/seller/products", {
    method: "POST",
    locale,
    body: {
      title: v.title,
      description: v.description || undefined,
      en: { title: v.title_en || undefined, description: v.description_en || undefined },
      category_ids: v.category_id ? [v.category_id] : undefined,
      images: photos.images.length ? photos.images : undefined,
      ...invoiceBody(v),
      variants: [
        {
          title: v.variant_title,
          price,
          stock: stock ?? 0,
          ...(weight !== null ? { weight } : {}),
          ...(sold_by_weight ? { sold_by_weight } : {}),
        },
      ],
    },
  })
  if (!made.ok && made.error.field === "handle") {
    // The backend names the taken web address ("đường dẫn"); the person only chose the name.
    return { values, errors: { title: x.error.titleTaken }, formError: null, options }
  }
  if (!made.ok) {
    const fields = {
      ...detailFields(x),
      variants: { name: "variant_title", label: x.label.variantTitle },
      "variants.0.title": { name: "variant_title", label: x.label.variantTitle },
      "variants.0.price": { name: "price", label: x.label.price },
      "variants.0.stock": { name: "stock", label: x.label.stock },
      "variants.0.weight": { name: "weight", label: x.label.weight },
      ...perKgBackendFields("variants.0.", x),
    }
    return { ...failureState(made.error, values, fields, x), options }
  }
  refreshShop()
  redirect(productPage(locale, made.data.product.id, "created"))
}

export async function updateProduct(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const x = await texts(locale)
  const id = String(form.get("product_id") ?? "")
  const v = readText(form, [
    "title",
    "description",
    "title_en",
    "description_en",
    "category_id",
    "vat_rate",
    "invoice_unit",
  ])
  const errors = checkDetails(v, x)
  const photos = await collectPhotos(locale, form, x)
  const values = { ...v, images: photos.images }
  const options = photoOptions(photos.images)
  if (!photos.ok) return { ...photos.state, values, options }
  if (Object.keys(errors).length) {
    return { values, errors, formError: x.error.fixFields, options }
  }
  const saved = await backend(`/seller/products/${encodeURIComponent(id)}`, {
    method: "POST",
    locale,
    body: {
      title: v.title,
      description: v.description,
      // Empty boxes remove the English texts.
      en: { title: v.title_en, description: v.description_en },
      category_ids: v.category_id ? [v.category_id] : [],
      images: photos.images,
      ...invoiceBody(v),
    },
  })
  if (!saved.ok) return { ...failureState(saved.error, values, detailFields(x), x), options }
  refreshShop()
  redirect(productPage(locale, id, "saved"))
}

/** A variant's price (whole dong) and stock; only what changed is sent. */
export async function updatePriceStock(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const x = await texts(locale)
  const id = String(form.get("product_id") ?? "")
  const variantId = String(form.get("variant_id") ?? "")
  const v = readText(form, [
    "price",
    "stock",
    "old_price",
    "old_stock",
    "sale_unit",
    "price_per_kg",
    "unit_kg",
    "tolerance_pct",
    "old_rule",
  ])
  // A variant sold by weight shows its per-kg fields instead of the price, which follows them.
  const perKg = readPerKg(v)
  const { price, sold_by_weight } = priceAndRule(perKg, parseWhole(v.price))
  const stock = parseWhole(v.stock)
  const errors: Record<string, string> = {}
  if (perKg.kind === "invalid") Object.assign(errors, perKgErrors(perKg.errors, x))
  else if (price === null) errors.price = x.error.price
  if (stock === null) errors.stock = x.error.stock
  if (Object.keys(errors).length) return { values: v, errors, formError: null }
  const base = `/seller/products/${encodeURIComponent(id)}/variants/${encodeURIComponent(variantId)}`
  const ruleChanged = sold_by_weight && JSON.stringify(sold_by_weight) !== v.old_rule
  if (String(price) !== v.old_price || ruleChanged) {
    const saved = await backend(base, {
      method: "POST",
      locale,
      body: { price, ...(ruleChanged ? { sold_by_weight } : {}) },
    })
    if (!saved.ok) {
      const fields = {
        price: { name: sold_by_weight ? "price_per_kg" : "price", label: x.label.price },
        ...perKgBackendFields("", x),
      }
      return failureState(saved.error, v, fields, x)
    }
  }
  if (String(stock) !== v.old_stock) {
    const saved = await backend(`${base}/stock`, {
      method: "POST",
      locale,
      body: { quantity: stock },
    })
    if (!saved.ok) {
      return failureState(saved.error, v, { quantity: { name: "stock", label: x.label.stock } }, x)
    }
  }
  refreshShop()
  redirect(productPage(locale, id, "priceSaved"))
}

/** Puts the product on sale or takes it off (it stays in the portal as a draft). */
export async function setPublished(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const x = await texts(locale)
  const id = String(form.get("product_id") ?? "")
  const publish = form.get("publish") === "1"
  const done = await backend(
    `/seller/products/${encodeURIComponent(id)}/${publish ? "publish" : "unpublish"}`,
    { method: "POST", locale, body: {} },
  )
  if (!done.ok) return failureState(done.error, {}, {}, x)
  refreshShop()
  redirect(productPage(locale, id, publish ? "published" : "unpublished"))
}
