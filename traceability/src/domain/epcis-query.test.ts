import { describe, expect, it } from "vitest"
import {
  bizStepOf,
  cbvWord,
  parseEventQuery,
  queryFingerprint,
  readPageToken,
  signPageToken,
} from "./epcis-query.js"

const KEY = "k".repeat(64)
const ID = "0b8f2a7e-3c1d-4e5f-8a9b-0c1d2e3f4a5b"

describe("parseEventQuery", () => {
  it("reads times, pipe-separated and repeated lists, and perPage", () => {
    const parsed = parseEventQuery({
      GE_eventTime: "2025-10-01T00:00:00+07:00",
      eventType: "ObjectEvent|TransformationEvent",
      MATCH_anyEPCClass: ["https://x.vn/01/08930000000019/10/A,B", "https://x.vn/batches/1"],
      perPage: "2",
    })
    expect(parsed.ok && parsed.query).toMatchObject({
      geEventTime: new Date("2025-09-30T17:00:00Z"),
      eventTypes: ["ObjectEvent", "TransformationEvent"],
      // A comma belongs to the lot code, never a separator.
      matchAnyEpcClass: ["https://x.vn/01/08930000000019/10/A,B", "https://x.vn/batches/1"],
      perPage: 2,
    })
  })

  it.each([
    [{ GE_eventTime: "2025-10-01" }, "GE_eventTime"],
    [{ LT_recordTime: ["2025-10-01T00:00:00Z", "2025-10-02T00:00:00Z"] }, "LT_recordTime"],
    [{ eventType: "Harvest" }, "eventType"],
    [{ EQ_bizStep: "shipping||" }, "EQ_bizStep"],
    [{ perPage: "501" }, "perPage"],
    [{ perPage: "1.5" }, "perPage"],
    [{ EQ_action: "ADD" }, "EQ_action"],
  ])("refuses %j naming %s, in both languages", (params, field) => {
    const parsed = parseEventQuery(params)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.field).toBe(field)
    expect(parsed.message.en).toContain(field === "EQ_action" ? "EQ_action" : field.split("_")[0]!)
    expect(parsed.message.vi).not.toBe(parsed.message.en)
  })
})

describe("page tokens", () => {
  const query = (over: Record<string, string>) => {
    const parsed = parseEventQuery(over)
    if (!parsed.ok) throw new Error("bad query")
    return parsed.query
  }
  const fingerprint = queryFingerprint(query({ eventType: "ObjectEvent" }), "seller_member:m1")
  const position = { recordedAt: "2025-10-05T00:00:00.000Z", id: ID }

  it("carry the position for the same query and caller only", () => {
    const token = signPageToken(KEY, fingerprint, position)
    expect(readPageToken(KEY, fingerprint, token)).toEqual(position)
    // perPage may change between pages.
    expect(
      queryFingerprint(query({ eventType: "ObjectEvent", perPage: "5" }), "seller_member:m1"),
    ).toBe(fingerprint)
    expect(readPageToken(KEY, queryFingerprint(query({}), "seller_member:m1"), token)).toBeNull()
    expect(
      readPageToken(KEY, queryFingerprint(query({ eventType: "ObjectEvent" }), "public"), token),
    ).toBeNull()
    expect(readPageToken("other-key", fingerprint, token)).toBeNull()
  })

  it("refuse an altered or malformed token", () => {
    const token = signPageToken(KEY, fingerprint, position)
    const [body, mac] = token.split(".")
    const forged = Buffer.from(
      JSON.stringify([fingerprint, position.recordedAt, ID.replace("0b", "ff")]),
    ).toString("base64url")
    expect(readPageToken(KEY, fingerprint, `${forged}.${mac}`)).toBeNull()
    expect(readPageToken(KEY, fingerprint, `${body}`)).toBeNull()
    expect(readPageToken(KEY, fingerprint, `${token}.x`)).toBeNull()
    expect(readPageToken(KEY, fingerprint, "")).toBeNull()
  })
})

describe("business steps", () => {
  it("match the export's steps in every CBV spelling", () => {
    expect(bizStepOf("inspection", "ns#")).toBe("inspecting")
    expect(bizStepOf("planting", "ns#")).toBe("ns#planting")
    expect(bizStepOf("note", "ns#")).toBeNull()
    expect(cbvWord("https://ref.gs1.org/cbv/BizStep-shipping", "BizStep")).toBe("shipping")
    expect(cbvWord("urn:epcglobal:cbv:bizstep:receiving", "BizStep")).toBe("receiving")
    expect(cbvWord("urn:epcglobal:cbv:disp:in_transit", "Disp")).toBe("in_transit")
  })
})
