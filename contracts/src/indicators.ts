/**
 * The digital-economy indicators a commune reports each quarter: their codes, how each is
 * kept (a state now, or a flow per quarter), which the public sees, their names and what their
 * numerator and denominator count, in both languages; and the shape of a value.
 */
import { z } from "zod"

/** The indicators, in the order every report and page shows them. */
export const INDICATORS = {
  OCOP_ONLINE: {
    kind: "state",
    public: true,
    vi: "Sản phẩm OCOP đã lên sàn",
    en: "OCOP products online",
  },
  SELLERS_ONLINE: {
    kind: "state",
    public: true,
    vi: "HTX, hộ kinh doanh bán hàng trực tuyến",
    en: "Cooperatives and households selling online",
  },
  TRACEABLE: {
    kind: "state",
    public: true,
    vi: "Sản phẩm có tem truy xuất nguồn gốc",
    en: "Listed products with origin stamps",
  },
  ORDERS: { kind: "flow", public: true, vi: "Đơn hàng", en: "Orders" },
  GMV: { kind: "flow", public: false, vi: "Giá trị đơn hàng (đồng)", en: "Order value (VND)" },
  CASHLESS: {
    kind: "flow",
    public: true,
    vi: "Đơn thanh toán không dùng tiền mặt",
    en: "Orders paid cashless",
  },
  CASHLESS_VALUE: {
    kind: "flow",
    public: false,
    vi: "Giá trị thanh toán không dùng tiền mặt (đồng)",
    en: "Value paid cashless (VND)",
  },
  STAMPS: { kind: "flow", public: true, vi: "Tem đã phát hành", en: "Stamps issued" },
  SCANS: { kind: "flow", public: true, vi: "Lượt quét tem", en: "Scans" },
  SCANNED: {
    kind: "flow",
    public: false,
    vi: "Tem được quét lần đầu",
    en: "Stamps scanned for the first time",
  },
  COUNTERFEIT: { kind: "flow", public: false, vi: "Dấu hiệu hàng giả", en: "Counterfeit signals" },
} as const

export type IndicatorCode = keyof typeof INDICATORS
export const INDICATOR_CODES = Object.keys(INDICATORS) as IndicatorCode[]

/**
 * What each indicator's numerator and denominator count, in words (null: no denominator). The
 * report export states it; the storefront's messages (`Portal.indicators.formula` in
 * storefront/messages/vi.json and en.json) hold the same text, and a test keeps the two identical
 * (backend/src/lib/indicators/__tests__/codes.test.ts).
 */
export const INDICATOR_FORMULAS: Record<
  IndicatorCode,
  Record<"vi" | "en", { numerator: string; denominator: string | null }>
> = {
  OCOP_ONLINE: {
    vi: {
      numerator: "Sản phẩm OCOP còn hiệu lực đang bán trực tuyến",
      denominator: "Tổng sản phẩm OCOP còn hiệu lực của xã",
    },
    en: {
      numerator: "Valid OCOP products with a live listing",
      denominator: "All valid OCOP products of the commune",
    },
  },
  SELLERS_ONLINE: {
    vi: {
      numerator: "HTX, hộ kinh doanh đã duyệt có ít nhất một sản phẩm đang bán",
      denominator: "Tổng HTX, hộ kinh doanh đã được duyệt",
    },
    en: {
      numerator: "Approved cooperatives and households with at least one live listing",
      denominator: "All approved cooperatives and households",
    },
  },
  TRACEABLE: {
    vi: {
      numerator: "Sản phẩm đang bán có ít nhất một lô đã in tem",
      denominator: "Tổng sản phẩm đang bán trực tuyến",
    },
    en: {
      numerator: "Live listings with at least one stamped batch",
      denominator: "All live listings",
    },
  },
  ORDERS: {
    vi: {
      numerator: "Số đơn hàng đặt trong quý, không tính đơn đã hủy",
      denominator: null,
    },
    en: {
      numerator: "Orders placed in the quarter, cancelled ones left out",
      denominator: null,
    },
  },
  GMV: {
    vi: {
      numerator: "Tổng giá trị (đồng) các đơn đặt trong quý, không tính đơn đã hủy",
      denominator: null,
    },
    en: {
      numerator: "Total value (VND) of the orders placed in the quarter, cancelled ones left out",
      denominator: null,
    },
  },
  CASHLESS: {
    vi: {
      numerator: "Đơn đã thanh toán bằng VietQR hoặc thẻ",
      denominator: "Tổng đơn đã thanh toán (mọi hình thức)",
    },
    en: {
      numerator: "Orders paid by VietQR or card",
      denominator: "All paid orders, any method",
    },
  },
  CASHLESS_VALUE: {
    vi: {
      numerator: "Giá trị (đồng) các đơn đã thanh toán bằng VietQR hoặc thẻ",
      denominator: "Tổng giá trị (đồng) các đơn đã thanh toán",
    },
    en: {
      numerator: "Value (VND) of the orders paid by VietQR or card",
      denominator: "Value (VND) of all paid orders",
    },
  },
  STAMPS: {
    vi: {
      numerator: "Số tem phát hành trong quý",
      denominator: null,
    },
    en: {
      numerator: "Stamps issued in the quarter",
      denominator: null,
    },
  },
  SCANS: {
    vi: {
      numerator:
        "Số lượt quét tem trong quý (một mạng quét lại trong thời gian ngắn chỉ tính một lần)",
      denominator: null,
    },
    en: {
      numerator:
        "Stamp scans in the quarter (one network scanning again within a short time counts once)",
      denominator: null,
    },
  },
  SCANNED: {
    vi: {
      numerator: "Số tem được quét lần đầu trong quý",
      denominator: null,
    },
    en: {
      numerator: "Stamps scanned for the first time in the quarter",
      denominator: null,
    },
  },
  COUNTERFEIT: {
    vi: {
      numerator:
        "Số tem có dấu hiệu hàng giả lần đầu trong quý, mỗi tem tính một lần (không tính theo lượt quét)",
      denominator: null,
    },
    en: {
      numerator:
        "Stamps whose first counterfeit signal came in the quarter, each counted once (not scans)",
      denominator: null,
    },
  },
}

/** The indicators anyone may read, on the commune's public page, in the order shown there. */
export const PUBLIC_INDICATORS = INDICATOR_CODES.filter((code) => INDICATORS[code].public) as (
  | "OCOP_ONLINE"
  | "SELLERS_ONLINE"
  | "TRACEABLE"
  | "ORDERS"
  | "CASHLESS"
  | "STAMPS"
  | "SCANS"
)[]
export type PublicIndicatorCode = (typeof PUBLIC_INDICATORS)[number]

/** Amounts of dong rather than counts. */
export const MONEY_INDICATORS: readonly IndicatorCode[] = ["GMV", "CASHLESS_VALUE"]

/** One indicator's value: a share (numerator of denominator) or, for flows, a count. */
export const indicatorValueSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** numerator / denominator; null when there is nothing to divide by. */
  ratio: z.number().nullable(),
})
export type IndicatorValue = z.infer<typeof indicatorValueSchema>

/** Why an order part counts as cashless or not (the counted lists say it per order). */
export const CASHLESS_REASONS = [
  "vietqr_paid",
  "card_paid",
  "cash_on_delivery",
  "other_method",
  "awaiting_payment",
  "payment_canceled",
  "payment_refunded",
  "order_canceled",
] as const
export type CashlessReason = (typeof CASHLESS_REASONS)[number]

/** What an officer checks about a counted order part: when, how much, whose, how paid. */
export const countedOrderSchema = z.object({
  reference: z.string(),
  placed_at: z.string(),
  amount: z.number(),
  payment_method: z.enum(["cod", "vietqr", "card", "other"]),
  payment_status: z.enum(["awaiting", "captured", "canceled", "refunded"]),
  status: z.enum(["placed", "shipped", "delivered", "canceled"]),
  /** Why it counts as cashless or not, read from the order now. */
  cashless_reason: z.enum(CASHLESS_REASONS),
})
export type CountedOrder = z.infer<typeof countedOrderSchema>

/** One thing an indicator counted, named so an officer can find it (the counted lists). */
export const countedItemSchema = z.object({
  subject_type: z.string(),
  subject_id: z.string(),
  label: z.string().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  /** Whether it counts in the numerator (e.g. the entry is online), for "8/9"-style counts. */
  counted: z.boolean(),
  /** The seller behind a listing, an order part or a registry entry. Absent from older snapshots. */
  seller: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
  /** An order part's date, value and payment. Absent from older snapshots. */
  order: countedOrderSchema.nullable().optional(),
})
export type CountedItem = z.infer<typeof countedItemSchema>
