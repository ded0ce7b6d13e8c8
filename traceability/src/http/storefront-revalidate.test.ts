import { createHmac } from "node:crypto"
import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import Fastify from "fastify"
import { afterEach, describe, expect, it } from "vitest"
import { registerStorefrontRevalidation } from "./storefront-revalidate.js"

const SECRET = "storefront-revalidate-secret"
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

/** A stand-in storefront recording each POST's body and signature. */
async function storefront() {
  const received: { body: string; signature: string }[] = []
  const server = createServer(async (req, res) => {
    let body = ""
    for await (const chunk of req) body += chunk
    received.push({ body, signature: String(req.headers["x-coop-signature"]) })
    res.writeHead(200).end("{}")
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`
  return { url, received, close: () => server.close() }
}

async function app(url: string | null) {
  const app = Fastify()
  registerStorefrontRevalidation(app, url ? { url, secret: SECRET } : null)
  app.get("/batches/:id", async () => ({ ok: true }))
  app.post("/batches/:id/events", async () => ({ ok: true }))
  app.post("/batches/:id/seal", async (_req, reply) => reply.status(409).send({ error: "sealed" }))
  app.post("/stamps/:serial/location", async () => ({ ok: true }))
  app.post("/capture", async (_req, reply) => reply.status(202).send({ status: "succeeded" }))
  await app.ready()
  return app
}

let close: (() => void) | undefined
afterEach(() => close?.())

describe("storefront revalidation on batch writes", () => {
  it("posts one signed batches revalidation for a burst of batch writes", async () => {
    const shop = await storefront()
    close = shop.close
    const service = await app(shop.url)
    for (let i = 0; i < 3; i++) await service.inject({ method: "POST", url: "/batches/b1/events" })
    await settle()
    expect(shop.received).toHaveLength(1)
    const { body, signature } = shop.received[0]!
    expect(JSON.parse(body)).toEqual({ tags: ["batches"] })
    const [t, v1] = signature.split(",").map((part) => part.split("=")[1])
    expect(v1).toBe(createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex"))
  })

  it("revalidates after an EPCIS capture, which appends events to batches", async () => {
    const shop = await storefront()
    close = shop.close
    const service = await app(shop.url)
    await service.inject({ method: "POST", url: "/capture" })
    await settle()
    expect(shop.received).toHaveLength(1)
  })

  it("stays quiet for reads, refused writes and other routes", async () => {
    const shop = await storefront()
    close = shop.close
    const service = await app(shop.url)
    await service.inject({ method: "GET", url: "/batches/b1" })
    await service.inject({ method: "POST", url: "/batches/b1/seal" })
    await service.inject({ method: "POST", url: "/stamps/s1/location" })
    await settle()
    expect(shop.received).toEqual([])
  })

  it("answers the writer even when the storefront is unreachable or not configured", async () => {
    const down = await app("http://127.0.0.1:9/api/revalidate")
    expect((await down.inject({ method: "POST", url: "/batches/b1/events" })).statusCode).toBe(200)
    const off = await app(null)
    expect((await off.inject({ method: "POST", url: "/batches/b1/events" })).statusCode).toBe(200)
    await settle()
  })
})
