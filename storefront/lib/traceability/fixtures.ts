import type { ApiProvenance } from "./reshape"

// A genuine stamp's first scan, as GET /stamps/{serial}/provenance answers it (traceability/src/
// http/routes/scans.ts); trimmed to the fields the storefront reads.
export const GENUINE: ApiProvenance = {
  verdict: "genuine_first_scan",
  scan: { id: "AQH2scan-token", number: 1, scanned_at: "2026-03-20T02:00:00.000Z" },
  scans: {
    count: 1,
    first_scanned_at: "2026-03-20T02:00:00.000Z",
    last_scanned_at: "2026-03-20T02:00:00.000Z",
  },
  stamp: {
    serial: "7K3M9Q2XAB4C5D6E7F8G",
    uri: "http://tem.test/s/7K3M9Q2XAB4C5D6E7F8G",
    state: "issued",
    issued_at: "2026-03-14T20:30:00.000Z",
  },
  batch: {
    id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    lot_code: "GP-2026-MUA10",
    quantity: 600,
    unit: "kg",
    state: "open",
    created_at: "2026-03-14T20:00:00.000Z",
  },
  product: { id: "prod_1", title: "Gạo Séng Cù Gia Phú (túi 5 kg)", gtin: null },
  producer: { id: "htx-nong-nghiep-gia-phu" },
}
