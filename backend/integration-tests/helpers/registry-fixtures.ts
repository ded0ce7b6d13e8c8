/**
 * A small marketplace of its own for the commune, store-sellers and admin-sellers tests, built
 * through the same modules and workflows the app uses (not the demo seed, which other work
 * changes): admin units, a store with one sales channel and a VND region (cash on delivery,
 * VietQR, and card when STRIPE_API_KEY is set), sellers signed up through the sign-up workflow
 * (with their own shipping), their products with prices, weight and stock, officers and an
 * operator.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ADMIN_UNIT_MODULE } from "../../src/modules/admin-unit"
import type AdminUnitModuleService from "../../src/modules/admin-unit/service"
import { parseUnitsFile } from "../../src/modules/admin-unit/units-file"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { SELLER_MODULE } from "../../src/modules/seller"
import type { NewSeller } from "../../src/workflows/steps/create-seller"

/**
 * Runs one of the project's workflows by id. Importing a workflow file here would register it a
 * second time beside the app's own copy, which Medusa refuses.
 */
async function runWorkflow<T>(container: MedusaContainer, id: string, input: unknown) {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(id, { input, throwOnError: true })
  return result as T
}

export const PASSWORD = "registry-test-password"
export const GIA_PHU = "02923"
export const XUAN_QUANG = "02926"
/** An invented commune of another province (01, Hà Nội), for province scoping. */
export const OTHER_PROVINCE_COMMUNE = "00004"

const UNITS = `code,name,level,parent_code,former_district,kind
${GIA_PHU},Xã Gia Phú,commune,15,Huyện Bảo Thắng,commune
${XUAN_QUANG},Xã Xuân Quang,commune,15,Huyện Bảo Thắng,commune
${OTHER_PROVINCE_COMMUNE},Phường Thử Nghiệm,commune,01,,ward
${GIA_PHU}-01,Thôn Phú Xuân,village,${GIA_PHU},,
`

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: { token: string } }>
}

export interface SellerSpec {
  handle: string
  name: string
  commune_code: string
  state: "pending" | "approved" | "suspended"
  kind?: "cooperative" | "household"
  /** Whether the payee counts as confirmed by the commune (VietQR offered); true unless false. */
  payeeConfirmed?: boolean
}

/** The store, its channel, the VND region and a publishable key; returns the store headers. */
export async function setUpStore(container: MedusaContainer) {
  const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  await units.importUnits(parseUnitsFile(UNITS).rows)
  const [store] = await container.resolve(Modules.STORE).listStores({})
  // Keep Medusa's default channel as the only one: a store with one channel is what the
  // visibility filter must handle (Medusa itself skips the channel filter then).
  const [existing] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({})
  const channel =
    existing ??
    (
      await createSalesChannelsWorkflow(container).run({
        input: { salesChannelsData: [{ name: "Chợ xã" }] },
      })
    ).result[0]
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Việt Nam",
          currency_code: "vnd",
          countries: ["vn"],
          payment_providers: [
            "pp_cod_cod",
            "pp_vietqr_vietqr",
            ...(process.env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : []),
          ],
        },
      ],
    },
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store!.id },
      update: {
        supported_currencies: [{ currency_code: "vnd", is_default: true }],
        default_sales_channel_id: channel!.id,
        default_region_id: region!.id,
      },
    },
  })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key!.id, add: [channel!.id] },
  })
  return {
    channelId: channel!.id,
    regionId: region!.id,
    storeHeaders: { "x-publishable-api-key": key!.token },
  }
}

/** A seller through the sign-up workflow (pending, own stock location), then moved to `state`. */
export async function createSeller(container: MedusaContainer, spec: SellerSpec) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email: `${spec.handle}@example.test`, password: PASSWORD },
  })
  const province = spec.commune_code === OTHER_PROVINCE_COMMUNE ? "01" : "15"
  const result = await runWorkflow<{ seller: NewSeller & { id: string; state: string } }>(
    container,
    "sign-up-seller",
    {
      auth_identity_id: authIdentity!.id,
      seller: {
        handle: spec.handle,
        name: spec.name,
        kind: spec.kind ?? "cooperative",
        commune_code: spec.commune_code,
        province_code: province,
        village_code: spec.commune_code === GIA_PHU ? `${GIA_PHU}-01` : null,
        address: `Thôn 1, ${spec.name}`,
        phone: "0214 3860 999",
        email: `${spec.handle}@example.test`,
        description: `Sản phẩm của ${spec.name}`,
        tax_code: "5300123456",
        bank_bin: "970405",
        bank_account_number: "1234567890",
        bank_account_name: spec.name.toUpperCase(),
        ...(spec.payeeConfirmed === false
          ? {}
          : { payee_confirmed_at: new Date(), payee_confirmed_by: "test" }),
      },
      owner: { email: `${spec.handle}@example.test`, name: `Chủ ${spec.name}` },
    },
  )
  if (spec.state === "pending") return result.seller
  await runWorkflow(container, "set-seller-state", {
    seller_id: result.seller.id,
    state: spec.state,
    actor: { actor_type: "service", actor_id: "test" },
  })
  return { ...result.seller, state: spec.state }
}

export interface ProductSpec {
  handle: string
  price?: number | null
  stock?: number
  status?: "published" | "draft"
  /** Grams, for shipping priced by weight. */
  weight?: number
}

/**
 * Products of one seller, linked to it and stocked at its location. They join the sales channel
 * only while the seller is approved, as the seller-state workflow keeps it.
 */
export async function createProducts(
  container: MedusaContainer,
  seller: { id: string; state: string },
  specs: ProductSpec[],
  channelId: string,
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const { data: sellers } = await query.graph({
    entity: "seller",
    fields: ["stock_location.id", "shipping_profile.id"],
    filters: { id: seller.id },
  })
  const row = sellers[0] as { stock_location: { id: string }; shipping_profile: { id: string } }
  const locationId = row.stock_location.id
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: specs.map((spec) => ({
        title: `Sản phẩm ${spec.handle}`,
        handle: spec.handle,
        status: spec.status === "draft" ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
        shipping_profile_id: row.shipping_profile.id,
        weight: spec.weight ?? 1000,
        options: [{ title: "Quy cách", values: ["1 kg"] }],
        variants: [
          {
            title: "1 kg",
            sku: spec.handle.toUpperCase(),
            manage_inventory: true,
            options: { "Quy cách": "1 kg" },
            prices:
              spec.price === null ? [] : [{ amount: spec.price ?? 120000, currency_code: "vnd" }],
          },
        ],
        sales_channels: seller.state === "approved" ? [{ id: channelId }] : [],
      })),
    },
  })
  await link.create(
    products.map((p) => ({
      [SELLER_MODULE]: { seller_id: seller.id },
      [Modules.PRODUCT]: { product_id: p.id },
    })),
  )
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku"],
    filters: { sku: specs.map((s) => s.handle.toUpperCase()) },
  })
  const inventory = container.resolve(Modules.INVENTORY)
  await inventory.createInventoryLevels(
    specs.map((spec) => ({
      inventory_item_id: items.find((i) => i.sku === spec.handle.toUpperCase())!.id,
      location_id: locationId,
      stocked_quantity: spec.stock ?? 10,
    })),
  )
  return Object.fromEntries(products.map((p) => [p.handle, p.id])) as Record<string, string>
}

/** An officer with an emailpass login bound to it; returns its record and bearer headers. */
export async function createOfficer(
  container: MedusaContainer,
  api: Api,
  spec: {
    email: string
    level: "commune" | "province"
    commune_code?: string
    province_code: string
  },
) {
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const officer = await communes.createOfficers({
    email: spec.email,
    name: `Cán bộ ${spec.email}`,
    level: spec.level,
    commune_code: spec.commune_code ?? null,
    province_code: spec.province_code,
  })
  const actor = spec.level === "commune" ? "commune_officer" : "province_officer"
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", {
    body: { email: spec.email, password: PASSWORD },
  })
  await auth.updateAuthIdentities({
    id: authIdentity!.id,
    app_metadata: { [`${actor}_id`]: officer.id },
  })
  const { data } = await api.post(`/auth/${actor}/emailpass`, {
    email: spec.email,
    password: PASSWORD,
  })
  return { officer, headers: { authorization: `Bearer ${data.token}` } }
}

/** A Medusa admin user (the operator) and its bearer headers. */
export async function createOperator(container: MedusaContainer, api: Api) {
  const email = "operator@example.test"
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password: PASSWORD } })
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity!.id, userData: { email, first_name: "Quản trị" } },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password: PASSWORD })
  return { user, headers: { authorization: `Bearer ${data.token}` } }
}
