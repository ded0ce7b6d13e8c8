/**
 * Password guessing against every actor type's login: after the limit, even the right password
 * is refused with 429 and a retry time, per account and per address; a success before the limit
 * clears the account's count.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OPERATOR_EMAIL, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"

const PASSWORD = "giaphu-demo"
const BUYER = "nguoimua.throttle@example.com"

const ACTORS: [actor: string, email: string][] = [
  ["user", OPERATOR_EMAIL],
  ["customer", BUYER],
  ["seller_member", DEMO_ACCOUNTS.sellerOwner("htx-nong-nghiep-gia-phu")],
  ["helper", DEMO_ACCOUNTS.helper],
  ["commune_officer", DEMO_ACCOUNTS.communeOfficer],
  ["province_officer", DEMO_ACCOUNTS.provinceOfficer],
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("login throttling", () => {
      // Medusa trusts one proxy hop, so each case brings its own address.
      let address = 0
      const newAddress = () => `198.51.100.${++address}`
      const login = (actor: string, email: string, password: string, ip: string, lang = "vi") =>
        api.post(
          `/auth/${actor}/emailpass`,
          { email, password },
          {
            headers: { "x-forwarded-for": ip, "accept-language": lang },
            validateStatus: () => true,
          },
        )

      // Seeded once: the runner snapshots the database after beforeAll and restores it per test.
      beforeAll(async () => {
        await seedDemoCommune(getContainer())
        await api.post(
          "/auth/customer/emailpass/register",
          { email: BUYER, password: PASSWORD },
          { validateStatus: () => true },
        )
      })

      it.each(ACTORS)(
        "locks %s's account after 10 wrong passwords, right password included",
        async (actor, email) => {
          const ip = newAddress()
          // A success before the limit clears the count: 5 + 10 wrong in a row only lock at the end.
          for (let i = 0; i < 5; i++) {
            expect((await login(actor, email, "sai-mat-khau", ip)).status).toBe(401)
          }
          expect((await login(actor, email, PASSWORD, ip)).status).toBe(200)
          for (let i = 0; i < 10; i++) {
            expect((await login(actor, email, `doan-${i}`, ip)).status, `guess ${i}`).toBe(401)
          }
          const locked = await login(actor, email, PASSWORD, ip)
          expect(locked.status).toBe(429)
          expect(locked.data.type).toBe("too_many_requests")
          expect(locked.data.message).toMatch(
            /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ phút\.$/,
          )
          const retryAfter = Number(locked.headers["retry-after"])
          expect(retryAfter).toBeGreaterThan(0)
          expect(retryAfter).toBeLessThanOrEqual(15 * 60)

          // From another address and in English: the account stays locked.
          const elsewhere = await login(actor, email.toUpperCase(), PASSWORD, newAddress(), "en")
          expect(elsewhere.status).toBe(429)
          expect(elsewhere.data.message).toMatch(/^Too many failed sign-ins for this account\./)
        },
      )

      it("locks an address that guesses across many accounts", async () => {
        process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = "12"
        try {
          const ip = newAddress()
          for (let i = 0; i < 12; i++) {
            const [actor, email] = ACTORS[i % ACTORS.length]!
            expect((await login(actor, `${i}.${email}`, "sai", ip)).status).toBe(401)
          }
          // A fresh account, never guessed at, is refused from that address too.
          const email = "moi.throttle@example.com"
          await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })
          const locked = await login("customer", email, PASSWORD, ip)
          expect(locked.status).toBe(429)
          expect(locked.data.message).toContain("từ địa chỉ này")
          expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0)
          // The same account from another network is not held back by that address.
          expect((await login("customer", email, PASSWORD, newAddress())).status).toBe(200)
        } finally {
          delete process.env.LOGIN_MAX_FAILURES_PER_ADDRESS
        }
      })
    })
  },
})
