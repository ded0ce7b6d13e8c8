import { once } from "node:events"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterEach, describe, expect, it } from "vitest"
import {
  postRevalidationToAll,
  REVALIDATE_TIMEOUT_MS,
  revalidationConfig,
  revalidationTargets,
  splitUrlList,
} from "./revalidation.js"
import { verifyPayload } from "./signature.js"

const SECRET = "revalidation-test-secret"
const servers: { close: () => void }[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A stand-in storefront instance recording each POST; `hang` never answers. */
async function storefront({ status = 200, hang = false } = {}) {
  const received: { raw: string; signature: string | undefined }[] = []
  const server = createServer(async (req, res) => {
    let raw = ""
    for await (const chunk of req) raw += chunk
    received.push({ raw, signature: req.headers["x-coop-signature"] as string | undefined })
    if (!hang) res.writeHead(status).end("{}")
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  servers.push({ close: () => server.close() })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`
  return { url, received }
}

describe("storefront revalidation fan-out", () => {
  it("reads the URL list, the secret, the dns fan-out and the timeout", () => {
    expect(splitUrlList(" http://a/x, ,http://b/x ")).toEqual(["http://a/x", "http://b/x"])
    expect(revalidationConfig({ STOREFRONT_REVALIDATE_URL: "http://a/x" })).toBeNull()
    expect(revalidationConfig({ STOREFRONT_REVALIDATE_SECRET: "s" })).toBeNull()
    expect(
      revalidationConfig({
        STOREFRONT_REVALIDATE_URL: "http://a/x,http://b/x",
        STOREFRONT_REVALIDATE_SECRET: "s",
      }),
    ).toEqual({
      urls: ["http://a/x", "http://b/x"],
      fanoutDns: false,
      secret: "s",
      timeoutMs: REVALIDATE_TIMEOUT_MS,
    })
    expect(
      revalidationConfig({
        STOREFRONT_REVALIDATE_URL: "http://a/x",
        STOREFRONT_REVALIDATE_SECRET: "s",
        STOREFRONT_REVALIDATE_FANOUT: "dns",
        STOREFRONT_REVALIDATE_TIMEOUT_MS: "500",
      }),
    ).toMatchObject({ fanoutDns: true, timeoutMs: 500 })
  })

  it("posts the same signed tags to every instance; one down or hanging stops no other", async () => {
    const one = await storefront()
    const two = await storefront()
    const hanging = await storefront({ hang: true })
    const refusing = await storefront({ status: 401 })
    const down = "http://127.0.0.1:9/api/revalidate"
    const failures = await postRevalidationToAll(["products"], {
      urls: [one.url, down, hanging.url, refusing.url, two.url],
      fanoutDns: false,
      secret: SECRET,
      timeoutMs: 2_000,
    })
    for (const instance of [one, two]) {
      expect(instance.received).toHaveLength(1)
      const { raw, signature } = instance.received[0]!
      expect(JSON.parse(raw)).toEqual({ tags: ["products"] })
      expect(verifyPayload(raw, signature, SECRET)).toEqual({ ok: true })
    }
    // One attempt each (no retry); the hanging one is given up after the timeout.
    expect(hanging.received).toHaveLength(1)
    expect(refusing.received).toHaveLength(1)
    expect(failures).toHaveLength(3)
    expect(failures).toContain(`${refusing.url}: HTTP 401`)
    expect(failures.filter((f) => f.startsWith(`${hanging.url}: TimeoutError`))).toHaveLength(1)
    expect(failures.filter((f) => f.startsWith(`${down}: `))).toHaveLength(1)
  })

  it("with the dns fan-out, posts to every address of each name; addresses stay as given", async () => {
    const targets = await revalidationTargets({
      urls: ["http://localhost:8123/api/revalidate", "http://10.0.0.7:8000/x"],
      fanoutDns: true,
    })
    expect(
      targets.some((t) => /^http:\/\/(127\.0\.0\.1|\[::1\]):8123\/api\/revalidate$/.test(t)),
    ).toBe(true)
    expect(targets.some((t) => t.includes("localhost"))).toBe(false)
    expect(targets).toContain("http://10.0.0.7:8000/x")
    // Without it, the names are posted to as they are (once each).
    expect(
      await revalidationTargets({
        urls: ["http://localhost:1/x", "http://localhost:1/x"],
        fanoutDns: false,
      }),
    ).toEqual(["http://localhost:1/x"])
  })
})
