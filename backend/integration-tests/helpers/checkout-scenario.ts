/**
 * A checkout scenario on top of registry-fixtures: three approved sellers with their own shipping
 * (two in Gia Phú, one in Xuân Quang), products with weight and stock, and a buyer who shops
 * through `@medusajs/js-sdk` exactly as the storefront does.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Medusa from "@medusajs/js-sdk"
import {
  createProducts,
  createSeller,
  GIA_PHU,
  PASSWORD,
  setUpStore,
  XUAN_QUANG,
} from "./registry-fixtures"

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked by the assertions that read them
export type Json = Record<string, any>

export const ADDRESS_IN_GIA_PHU = {
  first_name: "Nguyễn",
  last_name: "Văn An",
  address_1: "Thôn Phú Xuân",
  city: "Xã Gia Phú",
  province: "Tỉnh Lào Cai",
  country_code: "vn",
  phone: "0912 000 111",
  metadata: { commune_code: GIA_PHU, province_code: "15" },
}

export async function setUpCheckout(container: MedusaContainer) {
  const store = await setUpStore(container)
  const specs = [
    {
      handle: "htx-lua-gao",
      name: "HTX Lúa gạo",
      commune_code: GIA_PHU,
      product: "gao",
      price: 185000,
      weight: 5000,
    },
    {
      handle: "htx-rau-sach",
      name: "HTX Rau sạch",
      commune_code: GIA_PHU,
      product: "rau",
      price: 45000,
      weight: 1000,
    },
    {
      handle: "htx-xuan-quang",
      name: "HTX Xuân Quang",
      commune_code: XUAN_QUANG,
      product: "mat-ong",
      price: 250000,
      weight: 700,
    },
  ]
  const sellers: Json[] = []
  const products: Record<string, string> = {}
  for (const spec of specs) {
    const seller = await createSeller(container, {
      handle: spec.handle,
      name: spec.name,
      commune_code: spec.commune_code,
      state: "approved",
    })
    sellers.push(seller)
    Object.assign(
      products,
      await createProducts(
        container,
        seller,
        [{ handle: spec.product, price: spec.price, stock: 5, weight: spec.weight }],
        store.channelId,
      ),
    )
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product.handle"],
    filters: { product_id: Object.values(products) },
  })
  const variantOf = Object.fromEntries(
    variants.map((v) => [v.product!.handle as string, v.id as string]),
  )
  return { ...store, sellers, variantOf }
}

export function storeSdk(baseUrl: string, publishableKey: string) {
  return new Medusa({ baseUrl, publishableKey })
}

export interface CartSpec {
  regionId: string
  items: { variant_id: string; quantity: number }[]
  /** Shipping option code chosen for every seller part, or per seller handle ("none": skip). */
  shipping?: string | Record<string, string>
  address?: Json
}

/** A cart with items, the buyer's address and one shipping method per seller, through the SDK. */
export async function prepareCart(sdk: Medusa, spec: CartSpec) {
  const { cart } = await sdk.store.cart.create({
    region_id: spec.regionId,
    email: "nguoi.mua@example.test",
  })
  for (const item of spec.items) await sdk.store.cart.createLineItem(cart.id, item)
  await sdk.store.cart.update(cart.id, {
    shipping_address: spec.address ?? ADDRESS_IN_GIA_PHU,
    billing_address: spec.address ?? ADDRESS_IN_GIA_PHU,
  })
  const { parts } = await sdk.client.fetch<{ parts: Json[] }>(
    `/store/carts/${cart.id}/seller-shipping-options`,
  )
  for (const part of parts) {
    const code =
      typeof spec.shipping === "object"
        ? spec.shipping[part.seller.handle]
        : (spec.shipping ?? "pickup_seller")
    if (code === "none") continue
    const option = part.options.find((o: Json) => o.code === code)
    await sdk.store.cart.addShippingMethod(cart.id, { option_id: option.id })
  }
  const { cart: ready } = await sdk.store.cart.retrieve(cart.id, {
    fields: "*items,*shipping_methods,*payment_collection,total",
  })
  return { cart: ready, shippingParts: parts }
}

/** Chooses the payment provider and completes the cart; returns Medusa's answer as is. */
export async function payAndComplete(sdk: Medusa, cart: Json, providerId: string, data?: Json) {
  await sdk.store.payment.initiatePaymentSession(cart as never, {
    provider_id: providerId,
    ...(data ? { data } : {}),
  })
  return sdk.store.cart.complete(cart.id)
}

type Api = { post: (url: string, body?: unknown) => Promise<{ data: Json }> }

/** Bearer headers of a fixture seller's owner (registry-fixtures registers `{handle}@example.test`). */
export async function sellerHeaders(api: Api, handle: string) {
  const { data } = await api.post("/auth/seller_member/emailpass", {
    email: `${handle}@example.test`,
    password: PASSWORD,
  })
  return { authorization: `Bearer ${data.token}` }
}

/** Completes the cart and returns Medusa's answer, or the error the API answered with. */
export async function tryComplete(sdk: Medusa, cartId: string): Promise<Json> {
  try {
    return (await sdk.store.cart.complete(cartId)) as Json
  } catch (error) {
    return { type: "error", error: { message: (error as Error).message } }
  }
}
