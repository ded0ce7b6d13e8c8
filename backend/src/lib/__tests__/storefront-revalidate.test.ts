import { once } from "node:events"
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { verifyPayload } from "@coop/contracts/signature"
import {
  postRevalidation,
  postRevalidationToAll,
  queueRevalidation,
  revalidateConfig,
  revalidationTargets,
  STOREFRONT_REVALIDATE_EVENTS,
  tagsForEvent,
} from "../storefront-revalidate"

const SECRET = "storefront-revalidate-test-secret"

/** A stand-in storefront that records what it was sent and answers with `status`. */
async function storefront(status = 200) {
  const received: { tags: string[]; signature: string | undefined; raw: string }[] = []
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = ""
    for await (const chunk of req) raw += chunk
    received.push({ ...JSON.parse(raw), signature: req.headers["x-coop-signature"], raw })
    res.writeHead(status).end("{}")
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`
  return { url, received, close: () => server.close() }
}

describe("storefront revalidation", () => {
  it("maps price, stock, seller and registry events to the storefront's tags", () => {
    expect(tagsForEvent("product-variant.updated")).toEqual(["products"])
    expect(tagsForEvent("inventory-level.updated")).toEqual(["products"])
    expect(tagsForEvent("seller.state_changed")).toContain("sellers")
    expect(tagsForEvent("ocop_entry.changed")).toContain("ocop")
    expect(tagsForEvent("customer.created")).toEqual([])
    expect(STOREFRONT_REVALIDATE_EVENTS).toContain("product.updated")
  })

  it("posts the tags signed with the shared secret", async () => {
    const shop = await storefront()
    try {
      const failure = await postRevalidation(["products"], {
        url: shop.url,
        secret: SECRET,
        timeoutMs: 2_000,
      })
      expect(failure).toBeNull()
      expect(shop.received[0]!.tags).toEqual(["products"])
      const { raw, signature } = shop.received[0]!
      expect(verifyPayload(raw, signature, SECRET)).toEqual({ ok: true })
    } finally {
      shop.close()
    }
  })

  it("reports a refusal or an unreachable storefront instead of throwing", async () => {
    const shop = await storefront(401)
    try {
      const config = { url: shop.url, secret: SECRET, timeoutMs: 2_000 }
      expect(await postRevalidation(["products"], config)).toBe("HTTP 401")
    } finally {
      shop.close()
    }
    const down = { url: "http://127.0.0.1:9/api/revalidate", secret: SECRET, timeoutMs: 500 }
    expect(await postRevalidation(["products"], down)).toMatch(/Error/)
  })

  it("sends a burst of events as one request", async () => {
    const shop = await storefront()
    const warnings: string[] = []
    const log = { warn: (message: string) => warnings.push(message) }
    try {
      const config = { url: shop.url, secret: SECRET, timeoutMs: 2_000 }
      queueRevalidation(["products"], log, config)
      queueRevalidation(["products", "sellers"], log, config)
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(shop.received.map((r) => r.tags)).toEqual([["products", "sellers"]])
      expect(warnings).toEqual([])
    } finally {
      shop.close()
    }
  })

  it("reaches every storefront instance listed, and reports the one that is down", async () => {
    const one = await storefront()
    const two = await storefront()
    try {
      const config = revalidateConfig({
        STOREFRONT_REVALIDATE_URL: `${one.url}, ${two.url},http://127.0.0.1:9/api/revalidate`,
        STOREFRONT_REVALIDATE_SECRET: SECRET,
      })
      expect(config?.urls).toHaveLength(3)
      const failures = await postRevalidationToAll(["products"], { ...config!, timeoutMs: 1_000 })
      expect(one.received.map((r) => r.tags)).toEqual([["products"]])
      expect(two.received.map((r) => r.tags)).toEqual([["products"]])
      expect(failures).toHaveLength(1)
      expect(failures[0]).toContain("127.0.0.1:9")
    } finally {
      one.close()
      two.close()
    }
  })

  it("with the dns fan-out, posts to every address of the name", async () => {
    const config = revalidateConfig({
      STOREFRONT_REVALIDATE_URL: "http://localhost:8123/api/revalidate,http://10.0.0.7:8000/x",
      STOREFRONT_REVALIDATE_SECRET: SECRET,
      STOREFRONT_REVALIDATE_FANOUT: "dns",
    })
    const targets = await revalidationTargets(config!)
    // localhost resolves to the loopback address(es); an address stays as it is.
    expect(
      targets.some((t) => /^http:\/\/(127\.0\.0\.1|\[::1\]):8123\/api\/revalidate$/.test(t)),
    ).toBe(true)
    expect(targets.some((t) => t.includes("localhost"))).toBe(false)
    expect(targets).toContain("http://10.0.0.7:8000/x")
  })
})
