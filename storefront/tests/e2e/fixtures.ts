// What the browser tests expect to find: the backend's demo data (backend/src/scripts/seed.ts)
// and the traceability batch the global setup creates for it.
export const RICE = {
  handle: "gao-seng-cu-gia-phu-5kg",
  title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
  price: "185.000 ₫",
}

export const TRACE_LOT = "GP-E2E-LO01"
