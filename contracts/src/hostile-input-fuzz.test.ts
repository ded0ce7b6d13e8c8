import { describe, expect, it } from "vitest"
import { findHostileUrl, findHostileValue } from "./hostile-input.js"
import { type FuzzVocabulary, hostileRequests, prng } from "./hostile-input-fuzz.js"

const ROUTES = [
  { method: "get", path: "/store/sellers/{handle}" },
  { method: "post", path: "/store/carts", fields: ["region_id", "metadata"] },
  { method: "POST", path: "/batches/{batch}/seal", fields: [] },
  // A read that names body fields: a poisoned body must still be sent.
  { method: "GET", path: "/batches/{batch}/events/{event}", fields: ["type"] },
  { method: "delete", path: "/seller/helpers/{helper}" },
]
const FIXTURE = { handle: "htx-a", batch: "bat_1", event: "evt_1", helper: "hgr_1" }
const VOCABULARY: FuzzVocabulary = {
  nulInside: ["Gạo", "Séng Cù"],
  surrogateAfter: "HTX ",
  poisonedKey: "metadata",
  lookalike: "2026-02-30",
  hugeLengths: [255, 5000],
  otherKey: "metadata",
  limits: ["5", "20"],
  poisonQuery: ["q=%00", "limit=-1", "%00=1", "offset=%ED%A0%80"],
}

describe("hostileRequests", () => {
  const generate = hostileRequests(ROUTES, VOCABULARY)

  it("poisons every request it is asked to, with something the shared guard refuses", () => {
    const rng = prng(20261207)
    const spots = new Set<string>()
    for (let i = 0; i < 3000; i++) {
      const { url, data } = generate(rng, FIXTURE, true)
      const inUrl = findHostileUrl(url)
      const inBody = data === undefined ? null : findHostileValue(JSON.parse(data))
      expect(inUrl ?? inBody, `${url} ${data?.slice(0, 200)}`).not.toBeNull()
      if (inUrl) spots.add(inUrl.field === "url" ? "path" : "query")
      if (inBody) spots.add("body")
    }
    expect(spots).toEqual(new Set(["path", "query", "body"]))
  })

  it("writes well-formed JSON bodies and fills every path parameter when not poisoning", () => {
    const rng = prng(1)
    for (let i = 0; i < 1000; i++) {
      const { route, url, data } = generate(rng, FIXTURE, false)
      expect(url).not.toMatch(/[{}]/)
      if (/^post$/i.test(route.method)) expect(data).toBeDefined()
      if (data !== undefined) expect(() => JSON.parse(data)).not.toThrow()
    }
  })

  it("replays the same requests from the same seed", () => {
    const run = (seed: number) => {
      const rng = prng(seed)
      return Array.from({ length: 200 }, () => generate(rng, FIXTURE, true))
    }
    expect(run(7)).toEqual(run(7))
    expect(run(7)).not.toEqual(run(8))
  })

  it("names the missing fixture value instead of sending `undefined`", () => {
    expect(() => {
      const rng = prng(3)
      for (let i = 0; i < 100; i++) generate(rng, {}, false)
    }).toThrow(/the fixture has no \w+ for \//)
  })
})
