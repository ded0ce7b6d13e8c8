import { Ajv } from "ajv"
import addFormatsModule from "ajv-formats"
import { expect } from "vitest"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json } from "./harness.js"

// Products, batches and stamps the resolver, scan and statistics tests share, created through
// the service's own API (the fake backend answers the product lookups).

// ajv-formats is CommonJS with an ES-style default export in its types.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

export const RICE = fakeProduct({
  ocop: { stars: 4, certificate_number: "OCOP-GP-2024-01", expires_on: "2099-01-01" },
  id: "prod_gao_seng_cu",
  handle: "gao-seng-cu-gia-phu",
  variants: [{ id: "v1", sku: "GAO-5KG", ean: "8930000000019", upc: null, barcode: null }],
})
export const RICE_GTIN = "08930000000019"
export const HONEY = fakeProduct({
  id: "prod_mat_ong",
  title: "Mật ong bạc hà",
  handle: "mat-ong-bac-ha",
  variants: [],
})
export const FOREIGN = fakeProduct({
  id: "prod_thit_gac_bep",
  title: "Thịt trâu gác bếp",
  seller: OTHER_SELLER,
  variants: [{ id: "v9", sku: "TT", ean: "4006381333931", upc: null, barcode: null }],
})
export const PRODUCTS = [RICE, HONEY, FOREIGN]
export { GIA_PHU_SELLER, OTHER_SELLER }

export interface Stamp {
  serial: string
  uri: string
}

let keys = 0

/** Creates a batch of `productId` and issues `count` stamps for it; returns both. */
export async function batchWithStamps(
  base: string,
  token: string,
  productId: string,
  lotCode: string,
  count: number,
  extra: Json = {},
): Promise<{ batch: Json; stamps: Stamp[] }> {
  const call = client(base)
  const created = await call("POST", "/batches", {
    token,
    body: {
      product_id: productId,
      lot_code: lotCode,
      quantity: 600,
      unit: "kg",
      dates: { harvested_on: "2026-03-10", packed_on: "2026-03-14", expires_on: "2027-03-14" },
      ...extra,
    },
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const issued = await fetch(`${base}/batches/${created.body.id}/stamps`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      "idempotency-key": `scan-fixtures-${++keys}`,
    },
    body: JSON.stringify({ count }),
  })
  const body = (await issued.json()) as Json
  expect(issued.status, JSON.stringify(body)).toBe(201)
  return { batch: created.body, stamps: body.stamps }
}

/** The same serial with its last character changed: its signature no longer matches. */
export function forge(serial: string): string {
  return `${serial.slice(0, -1)}${serial.endsWith("0") ? "1" : "0"}`
}

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)

/** What a JSON Schema says is wrong with a value ([] when valid). */
export function schemaProblems(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema)
  if (validate(value)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

export const JSON_ACCEPT = { accept: "application/json" }
export const BROWSER_ACCEPT = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
}

/** A seller in another province (Hà Nội), for the province officer's view. */
export const FAR_SELLER = {
  ...OTHER_SELLER,
  id: "sel_03_htx_ha_noi",
  handle: "htx-ha-noi",
  name: "HTX Rau sạch Hà Nội",
  commune_code: "00004",
  commune_name: "Phường Ba Đình",
  province_code: "01",
  province_name: "Thành phố Hà Nội",
}
export const GREENS = fakeProduct({
  id: "prod_rau_ha_noi",
  title: "Rau cải sạch",
  seller: FAR_SELLER,
  variants: [],
})
