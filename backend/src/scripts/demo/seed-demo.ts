import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import type { IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import { reconcileIndicators } from "../../lib/indicators/reconcile"
import { englishTexts, withEnglishTexts } from "../../lib/product-i18n"
import { importAdminUnitsFile } from "../import-admin-units"
import { CATEGORIES, COMMUNE, PRODUCTS, PROVINCE, SELLERS } from "./data"
import { productImageSvg } from "./images"
import { seedSellers } from "./seed-sellers"
import { ensureSellerShipping } from "./seed-shipping"

export const STORE_NAME = "Chợ nông sản xã Gia Phú"
export const REGION_NAME = "Việt Nam"
export const PUBLISHABLE_KEY_TITLE = "Storefront"
export const DEFAULT_SALES_CHANNEL = "Default Sales Channel"
export const OPERATOR_EMAIL = "admin@giaphu.example"
const PACK_OPTION = "Quy cách"

type ProductService = IProductModuleService
type Seeded = Awaited<ReturnType<ProductService["listProducts"]>>

/** Demo products seeded before they had English texts get them (a seller's own are kept). */
async function addMissingEnglishTexts(products: ProductService, existing: Seeded) {
  const updates = existing.flatMap((product) => {
    const en = PRODUCTS.find((p) => p.handle === product.handle)?.en
    if (!en || englishTexts(product.metadata).title) return []
    return [{ id: product.id, metadata: withEnglishTexts(product.metadata, en) }]
  })
  if (updates.length) await products.upsertProducts(updates)
}

type Step = (container: MedusaContainer, ctx: SeedContext) => Promise<void>
type SeedContext = {
  created: string[]
  salesChannelId?: string
  regionId?: string
  shippingProfileId?: string
  locationBySeller: Map<string, string>
}

/** Seeds the demo commune; returns what it created (nothing on a second run). */
export async function seedDemoCommune(container: MedusaContainer) {
  const ctx: SeedContext = { created: [], locationBySeller: new Map() }
  // The demo's communes and villages, through the same import as `npm run import:units`.
  const units = await importAdminUnitsFile(container, path.join(__dirname, "admin-units.csv"))
  const changed = units.created + units.updated
  if (changed) ctx.created.push(`${changed} admin units`)
  const steps: Step[] = [
    ensureSalesChannel,
    ensureRegion,
    ensureStore,
    ensureTaxRegion,
    ensureShippingProfile,
    ensureSellerLocations,
    ensurePublishableKey,
    ensureProducts,
    ensureOperator,
    (container, ctx) => seedSellers(container, ctx.locationBySeller, demoPassword(), ctx.created),
    (container, ctx) => ensureSellerShipping(container, ctx.regionId!, ctx.created),
    // The seed writes through modules, not workflows that emit events: count everything once.
    async (container) => {
      await reconcileIndicators(container)
    },
  ]
  for (const step of steps) await step(container, ctx)
  return { created: ctx.created }
}

const ensureSalesChannel: Step = async (container, ctx) => {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  let [channel] = await salesChannels.listSalesChannels({ name: DEFAULT_SALES_CHANNEL })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: DEFAULT_SALES_CHANNEL }] },
    })
    channel = result[0]
    ctx.created.push("sales channel")
  }
  ctx.salesChannelId = channel.id
}

const ensureRegion: Step = async (container, ctx) => {
  const regions = container.resolve(Modules.REGION)
  let [region] = await regions.listRegions({ name: REGION_NAME })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: REGION_NAME,
            currency_code: "vnd",
            countries: ["vn"],
            payment_providers: paymentProviders(),
          },
        ],
      },
    })
    region = result[0]
    ctx.created.push("region")
  } else {
    // Payment providers are a link of the region, not one of its relations.
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "region",
      fields: ["payment_providers.id"],
      filters: { id: region.id },
    })
    const have = (data[0]?.payment_providers ?? []) as { id: string }[]
    const want = paymentProviders()
    if (have.length !== want.length || want.some((id) => !have.some((p) => p.id === id))) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: region.id }, update: { payment_providers: want } },
      })
      ctx.created.push("region payment providers")
    }
  }
  ctx.regionId = region.id
}

/** Cash on delivery and VietQR always; card only where a Stripe key is configured. */
function paymentProviders() {
  return [
    "pp_cod_cod",
    "pp_vietqr_vietqr",
    ...(process.env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : []),
  ]
}

const ensureStore: Step = async (container, ctx) => {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores({}, { relations: ["supported_currencies"] })
  const currencies = store.supported_currencies ?? []
  const upToDate =
    store.name === STORE_NAME &&
    currencies.length === 1 &&
    currencies[0].currency_code === "vnd" &&
    currencies[0].is_default &&
    store.default_sales_channel_id === ctx.salesChannelId &&
    store.default_region_id === ctx.regionId
  if (upToDate) return
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        supported_currencies: [{ currency_code: "vnd", is_default: true }],
        default_sales_channel_id: ctx.salesChannelId,
        default_region_id: ctx.regionId,
      },
    },
  })
  ctx.created.push("store settings")
}

const ensureTaxRegion: Step = async (container, ctx) => {
  const tax = container.resolve(Modules.TAX)
  const existing = await tax.listTaxRegions({ country_code: "vn" })
  if (existing.length) return
  await createTaxRegionsWorkflow(container).run({
    input: [{ country_code: "vn", provider_id: "tp_system" }],
  })
  ctx.created.push("tax region")
}

const ensureShippingProfile: Step = async (container, ctx) => {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
    ctx.created.push("shipping profile")
  }
  ctx.shippingProfileId = profile.id
}

function locationName(sellerName: string) {
  return `Kho ${sellerName}`
}

/** A stock location per seller, in the store's sales channel; shipping comes with the sellers. */
const ensureSellerLocations: Step = async (container, ctx) => {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const names = SELLERS.map((s) => locationName(s.name))
  const existing = await stockLocations.listStockLocations({ name: names })
  const byName = new Map(existing.map((l) => [l.name, l.id]))
  const missing = SELLERS.filter((s) => !byName.has(locationName(s.name)))
  if (missing.length) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: missing.map((s) => ({
          name: locationName(s.name),
          address: {
            address_1: `Thôn ${s.village}`,
            city: COMMUNE.name,
            province: PROVINCE.name,
            country_code: "vn",
            phone: s.phone,
          },
          metadata: { seller_handle: s.handle },
        })),
      },
    })
    for (const location of result) byName.set(location.name, location.id)
    ctx.created.push(`${result.length} stock locations`)
  }
  for (const s of SELLERS) ctx.locationBySeller.set(s.handle, byName.get(locationName(s.name))!)

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: located } = await query.graph({
    entity: "stock_location",
    fields: ["id", "sales_channels.id"],
    filters: { id: [...ctx.locationBySeller.values()] },
  })
  for (const location of located) {
    if (location.sales_channels?.length) continue
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [ctx.salesChannelId!] },
    })
  }
}

/**
 * The storefront's publishable key, linked to the default sales channel. Written into
 * storefront/.env.local so nobody copies keys by hand (SEED_STOREFRONT_ENV_FILE=off skips it,
 * as the tests do; any other value is the file to write).
 */
const ensurePublishableKey: Step = async (container, ctx) => {
  const apiKeys = container.resolve(Modules.API_KEY)
  let key = (await apiKeys.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })).find(
    (k) => !k.revoked_at,
  )
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [ctx.salesChannelId!] },
    })
    ctx.created.push("publishable key")
  }
  writeStorefrontEnv(key.token)
}

function writeStorefrontEnv(token: string) {
  const target = process.env.SEED_STOREFRONT_ENV_FILE ?? "../storefront/.env.local"
  if (target === "off") return
  const file = path.resolve(process.cwd(), target)
  const line = `NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=${token}`
  const before = existsSync(file) ? readFileSync(file, "utf8") : ""
  const kept = before
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY="))
  const after = `${[...kept, line].join("\n")}\n`
  if (after !== before) writeFileSync(file, after)
}

const ensureProducts: Step = async (container, ctx) => {
  const products = container.resolve(Modules.PRODUCT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const categoryHandles = CATEGORIES.map((c) => c.handle)
  const categories = await products.listProductCategories({ handle: categoryHandles })
  const categoryId = new Map(categories.map((c) => [c.handle, c.id]))
  const missingCategories = CATEGORIES.filter((c) => !categoryId.has(c.handle))
  if (missingCategories.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missingCategories.map((c) => ({
          name: c.name,
          handle: c.handle,
          is_active: true,
          metadata: { name_en: c.name_en },
        })),
      },
    })
    for (const c of result) categoryId.set(c.handle, c.id)
    ctx.created.push(`${result.length} categories`)
  }

  const existing = await products.listProducts({ handle: PRODUCTS.map((p) => p.handle) })
  const have = new Set(existing.map((p) => p.handle))
  await addMissingEnglishTexts(products, existing)
  const missing = PRODUCTS.filter((p) => !have.has(p.handle))
  if (!missing.length) return

  const { result: files } = await uploadFilesWorkflow(container).run({
    input: {
      files: missing.map((p) => ({
        filename: `${p.handle}.svg`,
        mimeType: "image/svg+xml",
        content: Buffer.from(productImageSvg(p.title, p.category)).toString("base64"),
        access: "public" as const,
      })),
    },
  })
  const sellerByHandle = new Map(SELLERS.map((s) => [s.handle, s]))
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p, i) => {
        const pack = /\((.*)\)/.exec(p.title)?.[1] ?? "Mặc định"
        const seller = sellerByHandle.get(p.seller)!
        return {
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [categoryId.get(p.category)!],
          weight: p.weight_grams,
          shipping_profile_id: ctx.shippingProfileId,
          thumbnail: files[i].url,
          images: [{ url: files[i].url }],
          options: [{ title: PACK_OPTION, values: [pack] }],
          variants: [
            {
              title: pack,
              sku: p.handle.toUpperCase(),
              ...(p.gtin ? { ean: p.gtin } : {}),
              manage_inventory: true,
              options: { [PACK_OPTION]: pack },
              prices: [{ amount: p.price, currency_code: "vnd" }],
              ...(p.sold_by_weight ? { metadata: { sold_by_weight: p.sold_by_weight } } : {}),
            },
          ],
          sales_channels: [{ id: ctx.salesChannelId! }],
          // Until the sellers module ([sellers] issue) links products to sellers.
          metadata: {
            seller_handle: seller.handle,
            seller_name: seller.name,
            commune_code: COMMUNE.code,
            // VAT on invoices: farm produce is not subject to it; processed goods are at 10%.
            vat_rate: p.category === "dac-san-che-bien" ? "10%" : "KCT",
            ...(p.ocop_stars ? { ocop_stars: p.ocop_stars } : {}),
            ...(p.en ? withEnglishTexts(null, p.en) : {}),
          },
        }
      }),
    },
  })

  const skus = missing.map((p) => p.handle.toUpperCase())
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
    filters: { sku: skus },
  })
  const itemBySku = new Map(items.map((item) => [item.sku, item.id]))
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: missing.map((p) => ({
        inventory_item_id: itemBySku.get(p.handle.toUpperCase())!,
        location_id: ctx.locationBySeller.get(p.seller)!,
        stocked_quantity: p.stock,
      })),
    },
  })
  ctx.created.push(`${missing.length} products`)
}

/** The operator's Medusa admin account (demo only; its password comes from DEMO_PASSWORD). */
const ensureOperator: Step = async (container, ctx) => {
  const users = container.resolve(Modules.USER)
  const existing = await users.listUsers({ email: OPERATOR_EMAIL })
  if (existing.length) return
  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", {
    body: { email: OPERATOR_EMAIL, password: demoPassword() },
  })
  if (!success || !authIdentity) throw new Error(`Could not register the operator: ${error}`)
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: authIdentity.id,
      userData: { email: OPERATOR_EMAIL, first_name: "Quản trị", last_name: "Gia Phú" },
    },
  })
  ctx.created.push("operator account")
}

export function demoPassword() {
  return process.env.DEMO_PASSWORD ?? "giaphu-demo"
}
