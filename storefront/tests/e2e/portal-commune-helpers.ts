import { createRequire } from "node:module"
import type { AxeResults } from "axe-core"
import type { Page } from "playwright-core"
import { expect, inject } from "vitest"

// What portal-commune.test.ts does through the backend's API and on its pages, kept apart so the
// test reads as the officer's story.

const url = inject("storefrontUrl")
const backendUrl = inject("backendUrl")
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js")
export const PASSWORD = "giaphu-demo"

type Json = Record<string, unknown>

export async function api<T = Json>(
  pathname: string,
  options: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; data: T }> {
  const response = await fetch(`${backendUrl}${pathname}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: response.status, data: (await response.json()) as T }
}

export async function login(actor: string, email: string): Promise<string> {
  const { status, data } = await api<{ token: string }>(`/auth/${actor}/emailpass`, {
    body: { email, password: PASSWORD },
  })
  expect(status).toBe(200)
  return data.token
}

/** A calendar day in Vietnam, `days` from today. */
export function day(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

export function previousQuarter(): string {
  const now = new Date(Date.now() + 7 * 3600_000)
  const q = Math.floor(now.getUTCMonth() / 3) + 1
  return q === 1 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q - 1}`
}

/** The one sign-in page finds the officer's role (commune or province) by itself. */
export async function signIn(on: Page, email: string) {
  await on.fill("#portal-email", email)
  await on.fill("#portal-password", PASSWORD)
  await on.locator("form button[type=submit]").click()
  await on.waitForURL((u) => !u.pathname.includes("/sign-in"))
}

/** OCOP_ONLINE as the indicators page shows it ("9/9"). */
export async function ocopOnline(on: Page) {
  await on.goto(`${url}/vi/commune/indicators`)
  const text = await on
    .locator("li[data-code=OCOP_ONLINE] [data-testid=indicator-value]")
    .textContent()
  const match = /^(\d+)\/(\d+)$/.exec((text ?? "").trim())
  expect(match, `OCOP_ONLINE reads "${text}"`).not.toBeNull()
  return { numerator: Number(match![1]), denominator: Number(match![2]) }
}

/** The indicators follow events asynchronously: reload until the value is the expected one. */
export async function waitForOcopOnline(
  on: Page,
  expected: { numerator: number; denominator: number },
) {
  const deadline = Date.now() + 30_000
  let seen = await ocopOnline(on)
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    seen = await ocopOnline(on)
  }
  expect(seen).toEqual(expected)
}

/** A new seller of the demo commune through the API, as the portal's sign-up does it. */
export async function signUpSeller(seller: { name: string; handle: string; email: string }) {
  const registration = await api<{ token: string }>("/auth/seller_member/emailpass/register", {
    body: { email: seller.email, password: PASSWORD },
  })
  expect(registration.status).toBe(200)
  const signUp = await api<{ seller: { id: string; state: string } }>("/seller/sign-up", {
    token: registration.data.token,
    body: {
      seller: {
        name: seller.name,
        handle: seller.handle,
        kind: "cooperative",
        commune_code: "02923",
        address: "Thôn Phú Hải, xã Gia Phú",
        phone: "0912 345 678",
        tax_code: "5300999888",
      },
      member: { name: "Nguyễn Văn Thử" },
    },
  })
  expect(signUp.status).toBe(201)
  expect(signUp.data.seller.state).toBe("pending")
  return signUp.data.seller.id
}

/** axe-core's WCAG 2.1 A/AA and best-practice checks on the page as loaded. */
export async function axe(on: Page): Promise<AxeResults> {
  await on.addScriptTag({ path: AXE })
  return (await on.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
        runOnly: { type: "tag", values: tags },
      }),
    ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
  )) as AxeResults
}
