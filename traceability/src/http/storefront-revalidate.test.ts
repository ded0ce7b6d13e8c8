import { createHmac } from "node:crypto"
import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import Fastify, { type InjectOptions } from "fastify"
import { afterEach, describe, expect, it, vi } from "vitest"
import { registerStorefrontRevalidation } from "./storefront-revalidate.js"

const SECRET = "storefront-revalidate-secret"
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

/** A stand-in storefront instance recording each POST's body and signature; `hang`: no answer. */
async function storefront({ hang = false } = {}) {
  const received: { body: string; signature: string }[] = []
  const server = createServer(async (req, res) => {
    let body = ""
    for await (const chunk of req) body += chunk
    received.push({ body, signature: String(req.headers["x-coop-signature"]) })
    if (!hang) res.writeHead(200).end("{}")
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`
  closers.push(() => {
    server.closeAllConnections()
    server.close()
  })
  return { url, received }
}

function expectSigned({ body, signature }: { body: string; signature: string }) {
  expect(JSON.parse(body)).toEqual({ tags: ["batches"] })
  const [t, v1] = signature.split(",").map((part) => part.split("=")[1])
  expect(v1).toBe(createHmac("sha256", SECRET).update(`${t}.${body}`).digest("hex"))
}

/** The service's hook in a bare app; `warnings` collects what it logs at warn. */
async function app(urls: string[] | null, timeoutMs = 3_000) {
  const warnings: { failure?: string; msg: string }[] = []
  const stream = { write: (line: string) => warnings.push(JSON.parse(line)) }
  const app = Fastify({ logger: { level: "warn", stream } })
  const config = urls ? { urls, fanoutDns: false, secret: SECRET, timeoutMs } : null
  registerStorefrontRevalidation(app, config)
  app.get("/batches/:id", async () => ({ ok: true }))
  app.post("/batches/:id/events", async () => ({ ok: true }))
  app.post("/batches/:id/seal", async (_req, reply) => reply.status(409).send({ error: "sealed" }))
  app.post("/stamps/:serial/location", async () => ({ ok: true }))
  app.post("/capture", async (_req, reply) => reply.status(202).send({ status: "succeeded" }))
  await app.ready()
  // Not the app itself: a Fastify instance is thenable, so an async function cannot return it as is.
  return { inject: (options: InjectOptions) => app.inject(options), warnings }
}

const closers: (() => void)[] = []
afterEach(() => {
  for (const close of closers.splice(0)) close()
})

describe("storefront revalidation on batch writes", () => {
  it("posts one signed batches revalidation for a burst of batch writes", async () => {
    const shop = await storefront()
    const service = await app([shop.url])
    for (let i = 0; i < 3; i++) await service.inject({ method: "POST", url: "/batches/b1/events" })
    await vi.waitFor(() => expect(shop.received.length).toBeGreaterThan(0), { timeout: 5_000 })
    await settle()
    expect(shop.received).toHaveLength(1)
    expectSigned(shop.received[0]!)
  })

  it("posts to every storefront instance; one down does not stop the others", async () => {
    const one = await storefront()
    const two = await storefront()
    const down = "http://127.0.0.1:9/api/revalidate"
    const service = await app([one.url, down, two.url])
    await service.inject({ method: "POST", url: "/batches/b1/events" })
    await vi.waitFor(() => expect(service.warnings).toHaveLength(1), { timeout: 5_000 })
    for (const instance of [one, two]) {
      expect(instance.received).toHaveLength(1)
      expectSigned(instance.received[0]!)
    }
    expect(service.warnings).toHaveLength(1)
    expect(service.warnings[0]).toMatchObject({ msg: "storefront revalidation not delivered" })
    expect(service.warnings[0]!.failure).toMatch(new RegExp(`^${down}: `))
  })

  it("gives up on a hanging instance after the timeout, once, as the backend does", async () => {
    const hanging = await storefront({ hang: true })
    const answering = await storefront()
    const service = await app([hanging.url, answering.url], 1_000)
    await service.inject({ method: "POST", url: "/batches/b1/events" })
    await vi.waitFor(() => expect(service.warnings).toHaveLength(1), { timeout: 5_000 })
    expect(answering.received).toHaveLength(1)
    // One attempt: no retry after the timeout (the pages' own revalidate time catches up).
    expect(hanging.received).toHaveLength(1)
    expect(service.warnings.map((w) => w.failure)).toEqual([
      expect.stringMatching(new RegExp(`^${hanging.url}: TimeoutError`)),
    ])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(hanging.received).toHaveLength(1)
  })

  it("revalidates after an EPCIS capture, which appends events to batches", async () => {
    const shop = await storefront()
    const service = await app([shop.url])
    await service.inject({ method: "POST", url: "/capture" })
    await vi.waitFor(() => expect(shop.received).toHaveLength(1), { timeout: 5_000 })
  })

  it("stays quiet for reads, refused writes and other routes", async () => {
    const shop = await storefront()
    const service = await app([shop.url])
    await service.inject({ method: "GET", url: "/batches/b1" })
    await service.inject({ method: "POST", url: "/batches/b1/seal" })
    await service.inject({ method: "POST", url: "/stamps/s1/location" })
    await settle()
    expect(shop.received).toEqual([])
  })

  it("answers the writer even when the storefront is unreachable or not configured", async () => {
    const down = await app(["http://127.0.0.1:9/api/revalidate"])
    expect((await down.inject({ method: "POST", url: "/batches/b1/events" })).statusCode).toBe(200)
    const off = await app(null)
    expect((await off.inject({ method: "POST", url: "/batches/b1/events" })).statusCode).toBe(200)
    await settle()
  })
})
