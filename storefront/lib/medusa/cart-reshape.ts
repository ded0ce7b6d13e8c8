import { acceptanceOf } from "@coop/contracts/sold-by-weight"
import type { HttpTypes } from "@medusajs/types"
import type { Address, Cart, CartLine, SellerPart } from "./cart-types"
import { soldByWeightOf } from "./reshape"
import type { Money } from "./types"

// biome-ignore lint/suspicious/noExplicitAny: the backend's own routes are untyped JSON
type Json = Record<string, any>

export function vnd(amount: unknown, currencyCode = "vnd"): Money {
  return { amount: Number(amount ?? 0), currencyCode: currencyCode.toLowerCase() }
}

function reshapeLine(item: HttpTypes.StoreCartLineItem, currency: string): CartLine {
  return {
    id: item.id,
    variantId: item.variant_id ?? "",
    productHandle: item.product_handle ?? null,
    title: item.product_title ?? item.title,
    variantTitle:
      item.variant_title && item.variant_title !== "Default" ? item.variant_title : null,
    thumbnail: item.thumbnail ?? null,
    quantity: Number(item.quantity),
    unitPrice: vnd(item.unit_price, currency),
    total: vnd(item.total, currency),
    soldByWeight: soldByWeightOf(item.variant?.metadata),
  }
}

export function reshapeAddress(
  address: HttpTypes.StoreCartAddress | null | undefined,
): Address | null {
  const meta = (address?.metadata ?? {}) as Json
  if (!address?.address_1 || typeof meta.commune_code !== "string") return null
  return {
    fullName: [address.first_name, address.last_name].filter(Boolean).join(" "),
    phone: address.phone ?? "",
    line: address.address_1,
    provinceCode: String(meta.province_code ?? ""),
    provinceName: address.province ?? "",
    communeCode: meta.commune_code,
    communeName: address.city ?? "",
  }
}

export function reshapeCart(cart: HttpTypes.StoreCart): Cart {
  const currency = cart.currency_code ?? "vnd"
  const items = [...(cart.items ?? [])].sort((a, b) =>
    String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")),
  )
  const lines = items.map((item) => reshapeLine(item, currency))
  return {
    id: cart.id,
    email: cart.email ?? null,
    customerId: cart.customer_id ?? null,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: vnd(cart.item_subtotal ?? cart.subtotal, currency),
    shippingTotal: vnd(cart.shipping_total, currency),
    total: vnd(cart.total, currency),
    address: reshapeAddress(cart.shipping_address),
    shippingMethodCount: cart.shipping_methods?.length ?? 0,
    weightAccepted: acceptanceOf(cart.metadata),
  }
}

/** `GET /store/carts/{id}/seller-shipping-options` -> one SellerPart per seller. */
export function reshapeSellerParts(parts: Json[]): SellerPart[] {
  return parts.map((part) => ({
    seller: {
      id: String(part.seller.id),
      handle: String(part.seller.handle ?? ""),
      name: String(part.seller.name ?? ""),
      communeCode: part.seller.commune_code ?? null,
    },
    lines: (part.items ?? []).map((item: Json) => ({
      id: String(item.id),
      title: String(item.title),
      quantity: Number(item.quantity),
    })),
    options: (part.options ?? []).map((option: Json) => ({
      id: String(option.id),
      code: String(option.code ?? ""),
      name: String(option.name ?? ""),
      amount: typeof option.amount === "number" ? vnd(option.amount) : null,
    })),
    selectedOptionId: part.selected_option_id ?? null,
  }))
}
