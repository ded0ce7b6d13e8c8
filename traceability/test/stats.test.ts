import { quarterOf } from "@coop/contracts/quarters"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import { signToken } from "./helpers.js"
import {
  batchWithStamps,
  FAR_SELLER,
  FOREIGN,
  GIA_PHU_SELLER,
  GREENS,
  HONEY,
  JSON_ACCEPT,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  type Stamp,
} from "./scan-fixtures.js"

// GET /stats: counts per quarter, seller and commune, for each role that may ask.
let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>
let flagged: string[]
const quarter = quarterOf(new Date())

/** A scan from `address` (through the proxy the service trusts), else from 127.0.0.1. */
const scan = async (stamp: Stamp, address?: string) => {
  const headers = address ? { ...JSON_ACCEPT, "x-forwarded-for": address } : JSON_ACCEPT
  const response = await fetch(stamp.uri, { headers })
  expect(response.status).toBe(200)
  return (await response.json()) as Json
}

const stats = (query: string, token?: string) => call("GET", `/stats${query}`, { token })
const sellerIds = (body: Json) => body.sellers.map((row: Json) => row.seller_id)

beforeAll(async () => {
  service = await startService([...PRODUCTS, GREENS], {
    RESOLVER_RATE_LIMIT: "0",
    TRUST_PROXY_HOPS: "1",
  })
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  const farMember = await signToken({
    actor_id: "member_hn",
    actor_type: "seller_member",
    app_metadata: { seller_id: FAR_SELLER.id, role: "owner" },
  })

  const rice = await batchWithStamps(service.base, t.member, RICE.id, "ST-1", 5)
  await batchWithStamps(service.base, t.member, HONEY.id, "ST-2", 2)
  const foreign = await batchWithStamps(service.base, t.otherMember, FOREIGN.id, "ST-3", 3)
  const greens = await batchWithStamps(service.base, farMember, GREENS.id, "ST-4", 1)

  // Gia Phú: 2 + 1 genuine scans (and a repeat from one network, not counted), a voided stamp
  // scanned twice, and a label copied to Sài Gòn.
  await scan(rice.stamps[0]!)
  await scan(rice.stamps[0]!, "203.0.113.8")
  await scan(rice.stamps[0]!, "203.0.113.9")
  await scan(rice.stamps[1]!)
  const voided = await call("POST", `/batches/${rice.batch.id}/stamps/void`, {
    token: t.member,
    body: { serials: [rice.stamps[4]!.serial], reason: "Tem hỏng" },
  })
  expect(voided.status, JSON.stringify(voided.body)).toBe(200)
  await scan(rice.stamps[4]!)
  await scan(rice.stamps[4]!, "198.51.100.4")
  for (const [place, address] of [
    [{ lat: 22.43, lng: 104.01 }, "192.0.2.10"],
    [{ lat: 10.77, lng: 106.7 }, "2001:db8:9::1"],
  ] as const) {
    const { scan: thisScan } = await scan(rice.stamps[2]!, address)
    const located = await call("POST", `/scans/${thisScan.id}/location`, { body: place })
    expect(located.status).toBe(201)
  }
  await scan(foreign.stamps[0]!)
  await scan(greens.stamps[0]!)
  await service.app.scanService.flush()
  flagged = [rice.stamps[2]!.serial, rice.stamps[4]!.serial].sort()
})

afterAll(async () => {
  await service?.close()
})

describe("GET /stats", () => {
  const giaPhu = {
    quarter,
    seller_id: GIA_PHU_SELLER.id,
    seller_name: GIA_PHU_SELLER.name,
    commune_code: "02923",
    commune_name: GIA_PHU_SELLER.commune_name,
    province_code: "15",
    batches: 2,
    stamps_issued: 7,
    scans: 7,
    stamps_scanned: 4,
    // Stamps, once each: the voided one (scanned twice) and the one with the impossible journey.
    counterfeit_signals: 2,
  }
  const other = {
    quarter,
    seller_id: OTHER_SELLER.id,
    commune_code: "02990",
    province_code: "15",
    batches: 1,
    stamps_issued: 3,
    scans: 1,
    stamps_scanned: 1,
    counterfeit_signals: 0,
  }

  it("counts by quarter, seller and commune for the backend and operators", async () => {
    for (const token of [t.service, t.operator]) {
      const answer = await stats(`?quarter=${quarter}`, token)
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      expect(answer.body.filters).toEqual({
        quarter,
        commune_code: null,
        province_code: null,
        seller_id: null,
      })
      expect(answer.body.sellers).toEqual([
        expect.objectContaining({ seller_id: FAR_SELLER.id, commune_code: "00004", scans: 1 }),
        giaPhu,
        expect.objectContaining(other),
      ])
      expect(answer.body.communes).toEqual([
        expect.objectContaining({ commune_code: "00004", sellers: 1, batches: 1 }),
        {
          quarter,
          commune_code: "02923",
          commune_name: GIA_PHU_SELLER.commune_name,
          province_code: "15",
          sellers: 1,
          batches: 2,
          stamps_issued: 7,
          scans: 7,
          stamps_scanned: 4,
          counterfeit_signals: 2,
        },
        expect.objectContaining({ commune_code: "02990", sellers: 1, stamps_issued: 3 }),
      ])
    }
  })

  it("filters by seller, commune and quarter", async () => {
    const bySeller = await stats(`?seller_id=${OTHER_SELLER.id}`, t.service)
    expect(bySeller.body.sellers).toEqual([expect.objectContaining(other)])
    const byCommune = await stats("?commune_code=02923", t.service)
    expect(sellerIds(byCommune.body)).toEqual([GIA_PHU_SELLER.id])
    const longAgo = await stats("?quarter=2020-Q1", t.service)
    expect(longAgo.body).toMatchObject({ sellers: [], communes: [] })
  })

  it("shows a commune officer their commune only", async () => {
    const own = await stats(`?quarter=${quarter}`, t.communeOfficer)
    expect(own.status).toBe(200)
    expect(own.body.filters.commune_code).toBe("02923")
    expect(own.body.sellers).toEqual([giaPhu])
    const named = await stats("?commune_code=02923", t.communeOfficer)
    expect(sellerIds(named.body)).toEqual([GIA_PHU_SELLER.id])
    const foreign = await stats("?commune_code=02990", t.communeOfficer)
    expect(foreign.status).toBe(403)
    const neighbour = await stats("", t.otherCommuneOfficer)
    expect(sellerIds(neighbour.body)).toEqual([OTHER_SELLER.id])
  })

  it("shows a province officer the communes of their province only", async () => {
    const own = await stats("", t.provinceOfficer)
    expect(own.status).toBe(200)
    expect(own.body.filters.province_code).toBe("15")
    expect(sellerIds(own.body)).toEqual([GIA_PHU_SELLER.id, OTHER_SELLER.id])
    expect((await stats("?province_code=01", t.provinceOfficer)).status).toBe(403)
    const commune = await stats("?commune_code=02990", t.provinceOfficer)
    expect(sellerIds(commune.body)).toEqual([OTHER_SELLER.id])
  })

  it("refuses other callers: 401 without a token, 403 for sellers, helpers and customers", async () => {
    expect((await stats("")).status).toBe(401)
    expect((await stats("?quarter=nonsense")).status).toBe(401)
    for (const token of [t.member, t.helper, t.customer]) {
      const answer = await stats("", token)
      expect(answer.status).toBe(403)
      expect(answer.body.error).toBe("forbidden")
    }
  })

  it("answers a malformed quarter or code with 400 naming it", async () => {
    for (const [query, field] of [
      ["?quarter=2026-Q5", "quarter"],
      ["?quarter=2026Q3", "quarter"],
      ["?commune_code=2923", "commune_code"],
      ["?province_code=Lao+Cai", "province_code"],
    ]) {
      const answer = await stats(query!, t.service)
      expect(answer.status, query).toBe(400)
      expect(answer.body.field).toBe(field)
    }
  })
})

describe("GET /stats/counterfeit-stamps", () => {
  const list = (query: string, token?: string) =>
    call("GET", `/stats/counterfeit-stamps${query}`, { token })
  const serials = (body: Json) => body.stamps.map((s: Json) => s.serial).sort()

  it("names the stamps behind a commune's counterfeit count, with seller and lot", async () => {
    const own = await list(`?quarter=${quarter}`, t.communeOfficer)
    expect(own.status, JSON.stringify(own.body)).toBe(200)
    expect(own.body.filters).toEqual({ quarter, commune_code: "02923", province_code: null })
    // The two stamps /stats counts for Gia Phú: the voided one and the copied label.
    expect(serials(own.body)).toEqual(flagged)
    const voided = own.body.stamps.find((s: Json) => s.state === "voided")
    expect(voided).toMatchObject({
      seller_id: GIA_PHU_SELLER.id,
      seller_name: GIA_PHU_SELLER.name,
      commune_code: "02923",
      lot_code: "ST-1",
      signal_count: 2,
    })
    expect((await list("?quarter=2020-Q1", t.communeOfficer)).body.stamps).toEqual([])
  })

  it("keeps each officer inside their area and refuses everyone else", async () => {
    expect((await list("?commune_code=02990", t.communeOfficer)).status).toBe(403)
    expect((await list("", t.otherCommuneOfficer)).body.stamps).toEqual([])
    expect(serials((await list("", t.provinceOfficer)).body)).toEqual(flagged)
    expect((await list("?province_code=01", t.provinceOfficer)).status).toBe(403)
    expect((await list("")).status).toBe(401)
    for (const token of [t.member, t.helper, t.customer]) {
      expect((await list("", token)).status).toBe(403)
    }
    expect((await list("?quarter=2026-Q5", t.service)).body.field).toBe("quarter")
  })
})
