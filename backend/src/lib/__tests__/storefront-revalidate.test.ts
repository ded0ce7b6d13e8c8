import { once } from "node:events"
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { verifyPayload } from "@coop/contracts/signature"
import {
  postRevalidation,
  queueRevalidation,
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
})
