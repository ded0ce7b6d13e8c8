import { once } from "node:events"
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { verifyPayload } from "@coop/contracts/signature"
import {
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

  it("sends a burst of events as one request", async () => {
    const shop = await storefront()
    const warnings: string[] = []
    const log = { warn: (message: string) => warnings.push(message) }
    try {
      const config = { urls: [shop.url], fanoutDns: false, secret: SECRET, timeoutMs: 2_000 }
      queueRevalidation(["products"], log, config)
      queueRevalidation(["products", "sellers"], log, config)
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(shop.received.map((r) => r.tags)).toEqual([["products", "sellers"]])
      expect(verifyPayload(shop.received[0]!.raw, shop.received[0]!.signature, SECRET)).toEqual({
        ok: true,
      })
      expect(warnings).toEqual([])
    } finally {
      shop.close()
    }
  })

  it("reaches every storefront instance and logs the one that is down", async () => {
    const one = await storefront()
    const two = await storefront()
    const warnings: string[] = []
    const log = { warn: (message: string) => warnings.push(message) }
    try {
      const down = "http://127.0.0.1:9/api/revalidate"
      const config = {
        urls: [one.url, down, two.url],
        fanoutDns: false,
        secret: SECRET,
        timeoutMs: 1_000,
      }
      queueRevalidation(["sellers"], log, config)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      expect(one.received.map((r) => r.tags)).toEqual([["sellers"]])
      expect(two.received.map((r) => r.tags)).toEqual([["sellers"]])
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(down)
    } finally {
      one.close()
      two.close()
    }
  })
})

// The POST, its signature and the fan-out to every instance: contracts/src/revalidation.test.ts.
