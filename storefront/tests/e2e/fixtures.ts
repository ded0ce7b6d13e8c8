// What the browser tests expect to find: the backend's demo data (backend/src/scripts/seed.ts)
// and the traceability batch the global setup creates for it.
export const RICE = {
  handle: "gao-seng-cu-gia-phu-5kg",
  title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
  price: "185.000 ₫",
  /** What /en shows: the seller's English name, dong with English separators. */
  titleEn: "Gia Phú Séng Cù rice (5 kg bag)",
  priceEn: "₫185,000",
}

export const TRACE_LOT = "GP-E2E-LO01"

/** The test service's threshold: a stamp scanned from more distinct networks than this is suspicious. */
export const SCAN_SUSPICIOUS_NETWORKS = 3

/** The rice batch's details besides its product (POST /batches). */
export const RICE_BATCH = {
  lot_code: TRACE_LOT,
  quantity: 600,
  unit: "kg",
  area: { village: "Thôn Phú Xuân", plot: "Cánh đồng Phú Xuân, thửa 12", lat: 22.39, lng: 104.058 },
  dates: {
    started_on: "2026-06-10",
    harvested_on: "2026-10-05",
    packed_on: "2026-10-12",
    expires_on: "2027-10-12",
  },
  certifications: {
    vietgap: { number: "VietGAP-TT-E2E-0042", valid_from: "2025-01-01", valid_until: "2027-12-31" },
  },
}

const FIELD = { name: "Cánh đồng Phú Xuân, thửa 12", lat: 22.39, lng: 104.058 }

/** The rice's season, recorded in this order (POST /batches/:id/events); all in the past. */
export const RICE_EVENTS = [
  {
    type: "planting",
    occurred_at: "2026-06-10T06:30:00+07:00",
    place: FIELD,
    actor: "Tổ sản xuất thôn Phú Xuân",
    crop: "lúa",
    variety: "Séng Cù",
    area_m2: 20000,
  },
  {
    type: "input_applied",
    occurred_at: "2026-08-15T07:00:00+07:00",
    place: FIELD,
    product: "Chế phẩm sinh học Trichoderma",
    input_kind: "fungicide",
    dose: { amount: 2, unit: "kg/ha" },
    pre_harvest_interval_days: 14,
    target: "Bệnh khô vằn",
  },
  {
    type: "harvest",
    occurred_at: "2026-10-05T08:00:00+07:00",
    place: FIELD,
    quantity: { amount: 900, unit: "kg" },
    note: "Gặt máy, thóc phơi ngay trong ngày",
  },
  {
    type: "inspection",
    // Early morning in Vietnam is still the previous day in UTC: the page must show Vietnam's day.
    occurred_at: "2026-10-09T05:30:00+07:00",
    inspector: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Lào Cai",
    result: "pass",
    report_number: "KQ-E2E-01",
    tests: [{ name: "Chì (Pb)", value: 0.05, unit: "mg/kg", limit: 0.2, pass: true }],
  },
  {
    type: "packing",
    occurred_at: "2026-10-12T09:00:00+07:00",
    place: { name: "Kho HTX" },
    package: "túi 5 kg",
    units: 120,
    quantity: { amount: 600, unit: "kg" },
  },
]

/** What each stamp the setup issues is for; `traceStamps` are the first two, left genuine. */
export const STAMP_ROLES = [
  "shared",
  "shared",
  "fresh",
  "voided",
  "suspicious",
  "located",
  "nojs",
] as const
