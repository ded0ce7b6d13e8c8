import type { ModuleProviderExports, ProviderWebhookPayload } from "@medusajs/framework/types"
import {
  type AbstractPaymentProvider,
  BigNumber,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"

/**
 * The tests every offline payment provider (src/lib/offline-payment-provider.ts: cash on
 * delivery, VietQR bank transfer) must pass, written once and run for each provider from its own
 * test file with what differs: its identifier, session id prefix, settlement field and values,
 * and its messages (pinned to the letter, so a refactor cannot change what a buyer or an
 * operator reads).
 */

export type OfflineProviderSpec = {
  /** The describe() title, e.g. "VietQR payment provider". */
  title: string
  /** The module's default export, ModuleProvider(Modules.PAYMENT, ...). */
  provider: ModuleProviderExports
  Service: {
    new (
      container: Record<string, unknown>,
      options?: Record<string, unknown>,
    ): AbstractPaymentProvider
    identifier: string
  }
  identifier: string
  /** The provider id in the payment module, e.g. "pp_vietqr_vietqr". */
  providerId: string
  /** The exported constant that should hold providerId. */
  exportedProviderId: string
  /** What a session id looks like, e.g. /^vqr_[0-9a-f]{24}$/. */
  sessionId: RegExp
  settlementField: string
  settlement: { authorized: string; captured: string; canceled: string }
  /** Titles of the tests whose wording is the provider's own. */
  titles: { refusals: string; webhooks: string }
  /** A webhook payload as the provider's counterpart would send it. */
  webhookPayload: ProviderWebhookPayload["payload"]
  /** The provider's own messages, exactly. */
  messages: {
    /** For currency "usd". */
    notVnd: string
    noData: string
    authorizeCanceled: string
    captureCanceled: string
    cancelCaptured: string
    refundUncaptured: string
  }
}

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

export async function medusaError(promise: Promise<unknown>): Promise<MedusaError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a MedusaError")
    },
    (e: unknown) => e,
  )
  expect(MedusaError.isMedusaError(error)).toBe(true)
  return error as MedusaError
}

type Refund = { amount: number; refunded_at: string; refund_id?: string }

function refundsOf(data: Record<string, unknown> | undefined): Refund[] | undefined {
  return data?.refunds as Refund[] | undefined
}

export function describeOfflineProvider(spec: OfflineProviderSpec): void {
  const field = spec.settlementField

  function newProvider() {
    return new spec.Service({ logger: console }, {})
  }

  async function authorized(amount = 185000) {
    const p = newProvider()
    const session = await p.initiatePayment({ amount, currency_code: "vnd" })
    const auth = await p.authorizePayment({ data: session.data })
    return { p, data: auth.data as Record<string, unknown> }
  }

  describe(spec.title, () => {
    it(`registers as a payment module provider with the identifier ${spec.identifier}`, () => {
      expect(spec.provider.module).toBe(Modules.PAYMENT)
      expect(spec.provider.services).toEqual([spec.Service])
      expect(spec.Service.identifier).toBe(spec.identifier)
      expect(newProvider().getIdentifier()).toBe(spec.identifier)
      expect(spec.exportedProviderId).toBe(spec.providerId)
    })

    it("walks initiate -> authorize -> capture -> refund", async () => {
      const p = newProvider()

      const session = await p.initiatePayment({ amount: 185000, currency_code: "vnd" })
      expect(session.id).toMatch(spec.sessionId)
      expect(session.data).toEqual({ status: "pending", amount: 185000, currency_code: "vnd" })
      expect((await p.getPaymentStatus({ data: session.data })).status).toBe("pending")
      const other = await p.initiatePayment({ amount: 185000, currency_code: "vnd" })
      expect(other.id).not.toBe(session.id)

      // Authorized at once: the order is placed, the money is awaited.
      const auth = await p.authorizePayment({ data: session.data })
      expect(auth.status).toBe("authorized")
      expect(auth.data).toMatchObject({
        status: "authorized",
        [field]: spec.settlement.authorized,
        amount: 185000,
        currency_code: "vnd",
      })
      expect(auth.data?.authorized_at).toMatch(ISO)
      expect(auth.data?.captured_at).toBeUndefined()
      expect((await p.getPaymentStatus({ data: auth.data })).status).toBe("authorized")
      // Authorizing again (Medusa retries) changes nothing.
      expect((await p.authorizePayment({ data: auth.data })).data).toEqual(auth.data)

      const captured = await p.capturePayment({ data: auth.data })
      expect(captured.data).toMatchObject({
        status: "captured",
        [field]: spec.settlement.captured,
      })
      expect(captured.data?.captured_at).toMatch(ISO)
      expect(captured.data?.authorized_at).toBe(auth.data?.authorized_at)
      expect((await p.getPaymentStatus({ data: captured.data })).status).toBe("captured")

      // A second capture (e.g. another seller part) keeps the first capture time.
      const again = await p.capturePayment({ data: captured.data })
      expect(again.data?.captured_at).toBe(captured.data?.captured_at)

      // The whole amount at once, as Medusa passes it (a raw amount); nothing more can follow.
      const whole = await p.refundPayment({
        data: captured.data,
        amount: new BigNumber(185000).raw!,
        context: { idempotency_key: "ref_1" },
      })
      expect(refundsOf(whole.data)).toHaveLength(1)
      expect(refundsOf(whole.data)?.[0]).toMatchObject({ amount: 185000, refund_id: "ref_1" })
      expect(refundsOf(whole.data)?.[0].refunded_at).toMatch(ISO)
      const over = await medusaError(p.refundPayment({ data: whole.data, amount: 1 }))
      expect(over.type).toBe(MedusaError.Types.INVALID_DATA)

      // Or in parts.
      const refunded = await p.refundPayment({
        data: captured.data,
        amount: 50000,
        context: { idempotency_key: "ref_1" },
      })
      expect(refundsOf(refunded.data)).toHaveLength(1)
      expect(refundsOf(refunded.data)?.[0]).toMatchObject({ amount: 50000, refund_id: "ref_1" })
      expect(refundsOf(refunded.data)?.[0].refunded_at).toMatch(ISO)
      expect(refunded.data?.captured_at).toBe(captured.data?.captured_at)
      // Refunds do not change Medusa's status of the payment; Medusa tracks refunds itself.
      expect((await p.getPaymentStatus({ data: refunded.data })).status).toBe("captured")

      // Medusa passes the refund's raw amount; a second partial refund adds up.
      const second = await p.refundPayment({
        data: refunded.data,
        amount: new BigNumber(135000).raw!,
        context: { idempotency_key: "ref_2" },
      })
      expect(refundsOf(second.data)?.map((r) => r.amount)).toEqual([50000, 135000])
    })

    it("walks initiate -> authorize -> cancel, and initiate -> cancel", async () => {
      const { p, data } = await authorized()
      const canceled = await p.cancelPayment({ data })
      expect(canceled.data).toMatchObject({
        status: "canceled",
        [field]: spec.settlement.canceled,
      })
      expect(canceled.data?.canceled_at).toMatch(ISO)
      expect((await p.getPaymentStatus({ data: canceled.data })).status).toBe("canceled")
      // Canceling twice is harmless; capturing or authorizing a canceled payment is not allowed.
      expect((await p.cancelPayment({ data: canceled.data })).data?.canceled_at).toBe(
        canceled.data?.canceled_at,
      )
      const capture = await medusaError(p.capturePayment({ data: canceled.data }))
      expect(capture.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(capture.message).toBe(spec.messages.captureCanceled)
      const reauth = await medusaError(p.authorizePayment({ data: canceled.data }))
      expect(reauth.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(reauth.message).toBe(spec.messages.authorizeCanceled)

      const session = await p.initiatePayment({ amount: 99000, currency_code: "vnd" })
      const direct = await p.cancelPayment({ data: session.data })
      expect((await p.getPaymentStatus({ data: direct.data })).status).toBe("canceled")
    })

    it("rejects currencies other than VND with INVALID_DATA", async () => {
      const p = newProvider()
      for (const currency_code of ["usd", "eur", ""]) {
        const error = await medusaError(p.initiatePayment({ amount: 100, currency_code }))
        expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
        expect(error.message).toContain("VND")
      }
      const update = await medusaError(
        p.updatePayment({ amount: 100, currency_code: "usd", data: {} }),
      )
      expect(update.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(update.message).toBe(spec.messages.notVnd)
      const upper = await p.initiatePayment({ amount: 100, currency_code: "VND" })
      expect(upper.data?.currency_code).toBe("vnd")
    })

    it("reads Medusa's amount forms and rejects nonsense amounts", async () => {
      const p = newProvider()
      expect(
        (await p.initiatePayment({ amount: "250000", currency_code: "vnd" })).data?.amount,
      ).toBe(250000)
      expect(
        (await p.initiatePayment({ amount: new BigNumber(320000), currency_code: "vnd" })).data
          ?.amount,
      ).toBe(320000)
      for (const amount of [-1, "abc"]) {
        const error = await medusaError(p.initiatePayment({ amount, currency_code: "vnd" }))
        expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      }
      const negative = await medusaError(p.initiatePayment({ amount: -1, currency_code: "vnd" }))
      expect(negative.message).toBe("Amount must not be negative: -1")
      const nan = await medusaError(p.updatePayment({ amount: "abc", currency_code: "vnd" }))
      expect(nan.message).toBe("Amount is not a number: abc")
    })

    it("updates the amount of a pending session", async () => {
      const p = newProvider()
      const session = await p.initiatePayment({ amount: 100000, currency_code: "vnd" })
      const updated = await p.updatePayment({
        amount: 120000,
        currency_code: "vnd",
        data: session.data,
      })
      expect(updated.data).toEqual({ status: "pending", amount: 120000, currency_code: "vnd" })
      expect(updated.status).toBe("pending")
    })

    it(spec.titles.refusals, async () => {
      const { p, data } = await authorized()
      const refund = await medusaError(p.refundPayment({ data, amount: 1000 }))
      expect(refund.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(refund.message).toBe(spec.messages.refundUncaptured)
      const captured = (await p.capturePayment({ data })).data
      const cancel = await medusaError(p.cancelPayment({ data: captured }))
      expect(cancel.type).toBe(MedusaError.Types.NOT_ALLOWED)
      expect(cancel.message).toBe(spec.messages.cancelCaptured)
    })

    it("never records more refunds than the amount, and records a retried refund once", async () => {
      const { p, data } = await authorized(100000)
      const captured = (await p.capturePayment({ data })).data
      const first = await p.refundPayment({
        data: captured,
        amount: 60000,
        context: { idempotency_key: "ref_a" },
      })
      const retry = await p.refundPayment({
        data: first.data,
        amount: 60000,
        context: { idempotency_key: "ref_a" },
      })
      expect(refundsOf(retry.data)).toHaveLength(1)
      const over = await medusaError(p.refundPayment({ data: first.data, amount: 40001 }))
      expect(over.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(over.message).toContain("60000")
      expect(over.message).toBe("Cannot refund 40001: 60000 of 100000 VND was already refunded")
      const zero = await medusaError(p.refundPayment({ data: first.data, amount: 0 }))
      expect(zero.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(zero.message).toBe("Refund amount must be positive: 0")
      const rest = await p.refundPayment({ data: first.data, amount: 40000 })
      expect(refundsOf(rest.data)?.map((r) => r.amount)).toEqual([60000, 40000])
      expect(refundsOf(rest.data)?.[1]).not.toHaveProperty("refund_id")
    })

    it("refuses data it did not create", async () => {
      const p = newProvider()
      const error = await medusaError(p.authorizePayment({ data: {} }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toBe(spec.messages.noData)
      expect((await p.getPaymentStatus({ data: {} })).status).toBe("pending")
    })

    it("keeps its data as it is on retrieve and delete", async () => {
      const { p, data } = await authorized()
      expect((await p.retrievePayment({ data })).data).toEqual(data)
      expect((await p.deletePayment({ data })).data).toEqual(data)
      expect((await p.getPaymentStatus({ data })).data).toEqual(data)
    })

    it(spec.titles.webhooks, async () => {
      const result = await newProvider().getWebhookActionAndData(spec.webhookPayload)
      expect(result).toEqual({ action: "not_supported" })
    })
  })
}
