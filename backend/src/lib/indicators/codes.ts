/** The indicators a commune reports (shared DESIGN.md), and how each is kept. */
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

/** Facts kept only to derive others: which products have stamps (for TRACEABLE). */
export const STAMPED_PRODUCT = "STAMPED"

/** The codes the backend derives from its own data (reconciliation recomputes these). */
export const DERIVED_CODES = [
  "OCOP_ONLINE",
  "SELLERS_ONLINE",
  "TRACEABLE",
  "ORDERS",
  "GMV",
  "CASHLESS",
  "CASHLESS_VALUE",
] as const

/** The codes fed by the traceability service's events. */
export const TRACE_CODES = ["STAMPS", "SCANS", "SCANNED", "COUNTERFEIT", STAMPED_PRODUCT] as const

/** "Now" is the period of state indicators. */
export const NOW = "now"
