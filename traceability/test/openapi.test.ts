import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Json, type Service, startService } from "./harness.js"
import { PRODUCTS } from "./scan-fixtures.js"

// GET /openapi.json: generated from the routes' own schemas.
let service: Service
let document: Json

beforeAll(async () => {
  service = await startService(PRODUCTS)
  const response = await fetch(`${service.base}/openapi.json`)
  expect(response.status).toBe(200)
  document = await response.json()
})

afterAll(async () => {
  await service?.close()
})

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the service's public URL", () => {
    expect(document.openapi).toBe("3.1.0")
    expect(document.servers).toEqual([{ url: service.base }])
  })

  it("lists the resolver, scan, statistics and batch routes", () => {
    for (const [path, method] of [
      ["/01/{gtin}/10/{lot}/21/{serial}", "get"],
      ["/01/{gtin}/10/{lot}/21/{serial}", "options"],
      ["/01/{gtin}/10/{lot}", "get"],
      ["/01/{gtin}", "get"],
      ["/s/{serial}", "get"],
      ["/stamps/{serial}/provenance", "get"],
      ["/scans/{scan_id}/location", "post"],
      ["/.well-known/gs1resolver", "get"],
      ["/stats", "get"],
      ["/batches", "post"],
      ["/health", "get"],
      ["/events", "get"],
      ["/capture", "post"],
      ["/capture/{id}", "get"],
    ]) {
      expect(document.paths[path!]?.[method!], `${method} ${path}`).toBeDefined()
    }
    const stats = document.paths["/stats"].get
    expect(stats.parameters.map((p: Json) => p.name).sort()).toEqual([
      "commune_code",
      "province_code",
      "quarter",
      "seller_id",
    ])
    // The EPCIS 2.0 query parameters are listed, though parseEventQuery is what checks them.
    const events = document.paths["/events"].get
    expect(events.parameters.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(["GE_eventTime", "MATCH_anyEPCClass", "nextPageToken", "perPage"]),
    )
    const stamp = document.paths["/01/{gtin}/10/{lot}/21/{serial}"].get
    expect(Object.keys(stamp.responses)).toEqual(
      expect.arrayContaining(["200", "307", "400", "404", "429"]),
    )
    // GS1's default redirect is a 307; a 302 appears nowhere in its standard.
    expect(Object.keys(stamp.responses)).not.toContain("302")
    expect(
      stamp.responses["200"].content["application/json"].schema.properties.verdict.enum,
    ).toEqual(["genuine_first_scan", "genuine_repeat", "suspicious", "voided", "seller_suspended"])
  })

  it("gives every operation a response schema, and every write a request schema", () => {
    const missing: string[] = []
    for (const [path, operations] of Object.entries<Json>(document.paths)) {
      for (const [method, operation] of Object.entries<Json>(operations)) {
        const responses = Object.entries<Json>(operation.responses ?? {})
        const described = responses.some(([status, response]) =>
          /^[23]/.test(status) ? response.content || response.description : false,
        )
        if (!described) missing.push(`${method} ${path}: no success response`)
        if ((method === "post" || method === "patch") && !operation.requestBody) {
          const hasParams = (operation.parameters ?? []).length > 0
          if (!hasParams) missing.push(`${method} ${path}: no request schema`)
        }
      }
    }
    expect(missing).toEqual([])
  })
})
