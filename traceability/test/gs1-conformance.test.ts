import { request as httpRequest } from "node:http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { SCAN_COOKIE } from "../src/domain/scan-cookie.js"
import { scanTokenKey, verifyScanToken } from "../src/domain/scan-token.js"
import { linksetProblems, resolverDescriptionProblems } from "./gs1-resolver-schema.js"
import { type Json, type Service, startService, tokens } from "./harness.js"
import { STAMP_SIGNING_SECRET } from "./helpers.js"
import {
  BROWSER_ACCEPT,
  batchWithStamps,
  forge,
  GIA_PHU_SELLER,
  HONEY,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  RICE_GTIN,
  type Stamp,
} from "./scan-fixtures.js"

/**
 * GS1's resolver test suite (github.com/gs1/GS1DL-resolver-testsuite,
 * GS1DigitalLinkResolverTestSuite.js), one test per conformance criterion it checks, asked the
 * way its helper (tester.php) asks: curl without following redirects, an Origin header, no Accept
 * header unless the criterion sets one. Each runs on a stamp, a lot and a product Digital Link of
 * the running service. The storefront shares the resolver's host (another port), as with
 * `npm start`, so a stamp's scan id rides in a cookie. docs/gs1.md lists what is not met.
 */

let service: Service
let rice: Stamp[]
let honey: Stamp[]
const LOT = "GP-2026-MUA5"
const SHOP = "http://127.0.0.1:8000"
const ORIGIN = { origin: "https://ref.gs1.org/test-suites/resolver/" }
const RATIFIED = ["defaultLink", "pip", "traceability", "verificationService"]

interface Answer {
  status: number
  headers: Headers
  text: string
}

async function ask(url: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(url, {
    method,
    headers: { ...ORIGIN, ...headers },
    redirect: "manual",
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const linkHeader = (answer: Answer) => answer.headers.get("link") ?? ""
const withoutQuery = (url: string) => url.split("?")[0]!

/** The linkset with GS1's vocabulary written as the suite writes it, `gs1:` CURIEs. */
function curied(linkset: Json): Json {
  return JSON.parse(
    JSON.stringify(linkset).replace(/https:\/\/((ref\.)|(www\.))?gs1\.org\/voc\//gi, "gs1:"),
  )
}

/**
 * What the suite's linksetTests walk: from the Digital Link up to its primary key, the first link
 * of each type met at a level whose anchor is that URI.
 */
function linksByType(dl: string, linkset: Json): Map<string, Json[]> {
  const found = new Map<string, Json[]>()
  let current = withoutQuery(dl)
  let pairs = new URL(current).pathname.split("/").length
  while (pairs > 2) {
    for (const context of curied(linkset).linkset as Json[]) {
      if (context.anchor !== current) continue
      for (const [key, links] of Object.entries(context)) {
        if (key === "anchor" || key === "itemDescription" || key === "description") continue
        if (!found.has(key)) found.set(key, links as Json[])
      }
    }
    current = current.slice(0, current.lastIndexOf("/"))
    current = current.slice(0, current.lastIndexOf("/"))
    pairs -= 2
  }
  return found
}

/** The protocol version of the server's answer, which fetch does not expose. */
function httpVersion(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "HEAD" }, (res) => {
      res.resume()
      resolve(res.httpVersion)
    })
    req.on("error", reject)
    req.end()
  })
}

beforeAll(async () => {
  service = await startService(PRODUCTS, {
    // One host, two ports, as `npm start` runs them: one site for cookies.
    STOREFRONT_URL: SHOP,
    RESOLVER_RATE_LIMIT: "0",
  })
  const t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  rice = (await batchWithStamps(service.base, t.member, RICE.id, LOT, 4)).stamps
  honey = (await batchWithStamps(service.base, t.member, HONEY.id, "MO-2026-05", 1)).stamps
})

afterAll(async () => {
  await service?.close()
})

const kinds = [
  ["a stamp", () => rice[0]!.uri],
  ["a lot", () => `${service.base}/01/${RICE_GTIN}/10/${LOT}`],
  ["a product", () => `${service.base}/01/${RICE_GTIN}`],
] as const

describe.each(kinds)("GS1's resolver test suite on %s", (_kind, uri) => {
  it("validDL: is a GS1 Digital Link URI with a 14-digit GTIN", () => {
    expect(uri()).toMatch(/\/01\/\d{14}(\/10\/[^/]+)?(\/21\/[^/]+)?$/)
  })

  it("httpVersion: SHALL support HTTP 1.1 (or higher)", async () => {
    expect(Number(await httpVersion(uri()))).toBeGreaterThanOrEqual(1.1)
  })

  it("corsCheck, methodsCheck, linkOnRedirect, legacyLinkHeaders: OPTIONS answers CORS, the methods and the Link to the linkset", async () => {
    const options = await ask(
      uri(),
      { "access-control-request-method": "GET,HEAD,OPTIONS" },
      "OPTIONS",
    )
    expect(options.headers.get("access-control-allow-origin")).toBe("*")
    const methods = options.headers.get("access-control-allow-methods") ?? ""
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(methods).toContain(method)
    expect(linkHeader(options)).toBe(
      `<${uri()}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    )
    // The default answer redirects with the same Link; no link of the linkset goes in the header.
    const redirect = await ask(uri())
    expect(linkHeader(redirect)).toContain('rel="linkset"')
    expect(linkHeader(redirect)).not.toContain('rel="gs1:')
  })

  it("reportWith400, noErrorWith200: a URI that is not a Digital Link is a 400", async () => {
    const answer = await ask(`${uri()}/foo`)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text)).toMatchObject({ error: "invalid_request", field: "path" })
  })

  it("trailingSlash: the same answer with and without a trailing slash", async () => {
    const plain = await ask(uri())
    const slash = await ask(`${uri()}/`)
    expect(slash.status).toBe(plain.status)
    expect(slash.headers.get("location")).toBe(plain.headers.get("location"))
  })

  it("basicWalkUp: an unknown value of a valid key qualifier walks up the tree", async () => {
    const unknownLot = `${service.base}/01/${RICE_GTIN}/10/KL8G`
    const answer = await ask(unknownLot)
    expect(answer.status).not.toBe(404)
    expect(answer.status).toBe(307)
  })

  it("qsPassedOn: the query string is passed on when redirecting", async () => {
    const answer = await ask(`${uri()}?foo=bar`)
    expect(answer.status).toBe(307)
    expect(answer.headers.get("location")).toContain("foo=bar")
  })

  it("ltLinksetNoRedirect, ltAllNoRedirect, ltAcceptHeader: a linkset request is answered, not redirected", async () => {
    for (const [url, headers] of [
      [`${uri()}?linkType=linkset`, {}],
      [`${uri()}?linkType=all`, {}],
      [`${uri()}?linkType=all`, { accept: "application/linkset+json" }],
      [uri(), { accept: "application/linkset+json" }],
    ] as const) {
      const answer = await ask(url, headers)
      expect(answer.status, url).toBe(200)
    }
  })

  it("validLinkset, linksetJsonldCheck, declaredContentType: the linkset validates against GS1's schema, with its JSON-LD context and media type", async () => {
    const answer = await ask(uri(), { accept: "application/linkset+json" })
    const linkset = JSON.parse(answer.text)
    expect(linksetProblems(linkset)).toEqual([])
    const context = linkHeader(answer)
      .split(",")
      .find((link) => link.includes('rel="http://www.w3.org/ns/json-ld#context"'))
    expect(context).toContain('type="application/ld+json"')
    expect(context).toContain("<https://ref.gs1.org/standards/resolver/linkset-context>")
    expect(answer.headers.get("content-type")).toMatch(/^application\/linkset\+json/)
    // What the schema refused before: a context object without its itemDescription.
    delete linkset.linkset[0].itemDescription
    expect(linksetProblems(linkset)).not.toEqual([])
  })

  it("defaultLinkExists, singleDefaultLink, defaultTarget: exactly one default link, with a title and nothing else, and the redirect goes exactly there", async () => {
    const linkset = JSON.parse((await ask(`${uri()}?linkType=linkset`)).text)
    const defaults = linksByType(uri(), linkset).get("gs1:defaultLink")
    expect(defaults).toHaveLength(1)
    expect(Object.keys(defaults![0]!).sort()).toEqual(["href", "title"])
    const redirect = await ask(uri())
    expect(redirect.status).toBe(307)
    expect(redirect.headers.get("location")).toBe(defaults![0]!.href)
    // A HEAD is answered as the GET is, without a body.
    const head = await ask(uri(), {}, "HEAD")
    expect(head.status).toBe(307)
    expect(head.headers.get("location")).toBe(defaults![0]!.href)
    expect(linkHeader(head)).toContain('rel="linkset"')
  })

  it("loFor<linkType>: each link type found redirects to its link, in either vocabulary address", async () => {
    const linkset = JSON.parse((await ask(`${uri()}?linkType=linkset`)).text)
    const found = [...linksByType(uri(), linkset)].filter(([type]) => type !== "gs1:defaultLink")
    expect(found.length).toBeGreaterThan(0)
    for (const [type, links] of found) {
      expect(links, type).toHaveLength(1)
      const name = type.slice("gs1:".length)
      for (const asked of [
        type,
        `https://gs1.org/voc/${name}`,
        `https://ref.gs1.org/voc/${name}`,
      ]) {
        const answer = await ask(`${uri()}?linkType=${encodeURIComponent(asked)}`)
        expect(answer.status, asked).toBe(307)
        expect(answer.headers.get("location"), asked).toBe(links[0]!.href)
      }
    }
  })

  it("linkTypesDefined: every GS1 link type given is in GS1's ratified set", async () => {
    const linkset = JSON.parse((await ask(`${uri()}?linkType=linkset`)).text)
    for (const type of linksByType(uri(), linkset).keys()) {
      expect(type).toMatch(/^gs1:/)
      expect(RATIFIED).toContain(type.slice("gs1:".length))
    }
  })

  it("specificLinkTypeNotFound: a link type with no link is a 404", async () => {
    for (const type of ["gs1:nosuchlt", "https://ref.gs1.org/voc/recipeInfo"]) {
      const answer = await ask(`${uri()}?linkType=${encodeURIComponent(type)}`)
      expect(answer.status, type).toBe(404)
    }
  })
})

describe("GS1's resolver test suite on the resolver", () => {
  it("rdFile: /.well-known/gs1resolver validates against GS1's description file schema, readable across origins", async () => {
    const answer = await ask(`${service.base}/.well-known/gs1resolver`, {
      accept: "application/json",
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get("access-control-allow-origin")).toBe("*")
    expect(resolverDescriptionProblems(JSON.parse(answer.text))).toEqual([])
  })
})

describe("a stamp's scan, carried to the stamp page without changing the redirect", () => {
  it("leaves the scan's id in a short-lived cookie on the shared site, for this scan's verdict", async () => {
    const stamp = rice[1]!
    const answer = await ask(stamp.uri, BROWSER_ACCEPT)
    expect(answer.status).toBe(307)
    expect(answer.headers.get("location")).toBe(`${SHOP}/vi/trace/${stamp.serial}`)
    const cookie = answer.headers.get("set-cookie")!
    expect(cookie).toMatch(
      new RegExp(`^${SCAN_COOKIE}=[A-Za-z0-9_-]+; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax$`),
    )
    const token = cookie.slice(SCAN_COOKIE.length + 1, cookie.indexOf(";"))
    expect(verifyScanToken(token, scanTokenKey(STAMP_SIGNING_SECRET))).toMatchObject({
      serial: stamp.serial,
      number: 1,
      verdict: "genuine_first_scan",
    })
    // The stamp page's read of that scan: its own verdict, though the stamp was scanned since.
    await ask(stamp.uri, BROWSER_ACCEPT)
    const page = await ask(`${service.base}/stamps/${stamp.serial}/provenance?scan=${token}`)
    expect(JSON.parse(page.text)).toMatchObject({
      verdict: "genuine_first_scan",
      scan: { number: 1 },
      scans: { count: 2 },
    })
  })

  it("sets no cookie where nothing is counted, and none for a forged stamp", async () => {
    const stamp = rice[2]!
    expect((await ask(stamp.uri, BROWSER_ACCEPT, "HEAD")).headers.get("set-cookie")).toBeNull()
    expect((await ask(`${stamp.uri}?linkType=gs1:pip`)).headers.get("set-cookie")).toBeNull()
    const forged = forge(stamp.serial)
    const warning = await ask(`${service.base}/s/${forged}`, BROWSER_ACCEPT)
    expect(warning.status).toBe(307)
    expect(warning.headers.get("location")).toBe(`${SHOP}/vi/trace/${forged}`)
    expect(warning.headers.get("set-cookie")).toBeNull()
  })

  it("gives a stamp without a GTIN the same answers at its short URI", async () => {
    const short = honey[0]!.uri
    expect(short).toBe(`${service.base}/s/${honey[0]!.serial}`)
    const answer = await ask(short, { accept: "application/linkset+json" })
    const linkset = JSON.parse(answer.text)
    expect(linksetProblems(linkset)).toEqual([])
    const redirect = await ask(short)
    expect(redirect.status).toBe(307)
    expect(redirect.headers.get("location")).toBe(
      linkset.linkset[0]["https://gs1.org/voc/defaultLink"][0].href,
    )
    expect(redirect.headers.get("set-cookie")).toMatch(new RegExp(`^${SCAN_COOKIE}=`))
    const options = await ask(short, {}, "OPTIONS")
    expect(linkHeader(options)).toBe(
      `<${short}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    )
  })
})
