import { StoreUnavailableError } from "../medusa/errors"
import { getShippingRates, type ShippingRates } from "../medusa/shipping-rates"
import {
  type ChannelCatalogue,
  isSellerHandle,
  loadChannelCatalogue,
  UnknownSellerError,
} from "./catalogue"

// The part every feed route shares: `?seller=handle` read and checked, the catalogue loaded, and
// every failure answered with a status and a message in the caller's language (Accept-Language:
// English when it asks for English first, else Vietnamese), never an exception.

type Language = "vi" | "en"

const MESSAGES = {
  invalid_seller: {
    vi: "Tham số seller phải là một mã người bán (chữ thường không dấu, số và dấu gạch ngang).",
    en: "The seller parameter must be one seller handle (lower-case letters, digits and dashes).",
  },
  unknown_seller: {
    vi: "Không có người bán nào đang bán với mã này.",
    en: "No selling seller has this handle.",
  },
  store_unavailable: {
    vi: "Cửa hàng tạm thời chưa mở được, hãy thử lại sau.",
    en: "The shop is unavailable for now, try again later.",
  },
} as const

export function callerLanguage(acceptLanguage: string | null): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "vi"
}

export function feedError(
  code: keyof typeof MESSAGES,
  status: number,
  language: Language,
): Response {
  return Response.json(
    {
      error: code,
      ...(code === "store_unavailable" ? {} : { field: "seller" }),
      message: MESSAGES[code][language],
    },
    { status, headers: status === 503 ? { "retry-after": "60" } : {} },
  )
}

/** `null` for the whole shop, the handle, or "invalid" for anything that cannot be a handle. */
export function readSellerParam(params: URLSearchParams): string | null | "invalid" {
  const values = params.getAll("seller")
  if (values.length === 0) return null
  const [value] = values
  return values.length === 1 && value !== undefined && isSellerHandle(value) ? value : "invalid"
}

export type FeedContext = ChannelCatalogue & {
  /** The shop's origin, "https://shop.example". */
  origin: string
  /** The feed's own URL (with its ?seller=), the DFC catalogue's base for node ids. */
  self: string
  sellerHandle: string | null
  /** The backend's delivery tariff, for the feeds that state a shipping price. */
  rates: ShippingRates
}

/** Loads what a feed publishes, or the error Response to send instead. */
export async function loadFeed(request: Request, origin: string): Promise<FeedContext | Response> {
  const language = callerLanguage(request.headers.get("accept-language"))
  const url = new URL(request.url)
  const seller = readSellerParam(url.searchParams)
  if (seller === "invalid") return feedError("invalid_seller", 400, language)
  try {
    const [catalogue, rates] = await Promise.all([
      loadChannelCatalogue(seller ?? undefined),
      getShippingRates(),
    ])
    const query = seller ? `?${new URLSearchParams({ seller })}` : ""
    return {
      ...catalogue,
      origin,
      self: `${origin}${url.pathname}${query}`,
      sellerHandle: seller,
      rates,
    }
  } catch (error) {
    if (error instanceof UnknownSellerError) return feedError("unknown_seller", 404, language)
    if (error instanceof StoreUnavailableError) return feedError("store_unavailable", 503, language)
    throw error
  }
}
