import { BigNumber, MedusaError, Modules } from "@medusajs/framework/utils"
import provider, { VIETQR_PROVIDER_ID } from "../index"
import VietQrProviderService, { type VietQrPaymentData } from "../service"

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function newProvider() {
  return new VietQrProviderService({ logger: console }, {})
}

async function medusaError(promise: Promise<unknown>): Promise<MedusaError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a MedusaError")
    },
    (e: unknown) => e,
  )
  expect(MedusaError.isMedusaError(error)).toBe(true)
  return error as MedusaError
}

async function authorized(amount = 185000) {
  const p = newProvider()
  const session = await p.initiatePayment({ amount, currency_code: "vnd" })
  const auth = await p.authorizePayment({ data: session.data })
  return { p, data: auth.data as Record<string, unknown> }
}

describe("VietQR payment provider", () => {
  it("registers as a payment module provider with the identifier vietqr", () => {
    expect(provider.module).toBe(Modules.PAYMENT)
    expect(provider.services).toEqual([VietQrProviderService])
    expect(VietQrProviderService.identifier).toBe("vietqr")
    expect(newProvider().getIdentifier()).toBe("vietqr")
    expect(VIETQR_PROVIDER_ID).toBe("pp_vietqr_vietqr")
  })

  it("walks initiate -> authorize -> capture -> refund", async () => {
    const p = newProvider()

    const session = await p.initiatePayment({ amount: 185000, currency_code: "vnd" })
    expect(session.id).toMatch(/^vqr_[0-9a-f]{24}$/)
    expect(session.data).toEqual({ status: "pending", amount: 185000, currency_code: "vnd" })
    expect((await p.getPaymentStatus({ data: session.data })).status).toBe("pending")
    const other = await p.initiatePayment({ amount: 185000, currency_code: "vnd" })
    expect(other.id).not.toBe(session.id)

    const auth = await p.authorizePayment({ data: session.data })
    expect(auth.status).toBe("authorized")
    expect(auth.data).toMatchObject({
      status: "authorized",
      transfer_status: "awaiting",
      amount: 185000,
      currency_code: "vnd",
    })
    expect(auth.data?.authorized_at).toMatch(ISO)
    expect(auth.data?.captured_at).toBeUndefined()
    expect((await p.getPaymentStatus({ data: auth.data })).status).toBe("authorized")

    const captured = await p.capturePayment({ data: auth.data })
    expect(captured.data).toMatchObject({ status: "captured", transfer_status: "received" })
    expect(captured.data?.captured_at).toMatch(ISO)
    expect(captured.data?.authorized_at).toBe(auth.data?.authorized_at)
    expect((await p.getPaymentStatus({ data: captured.data })).status).toBe("captured")

    // A second capture (another seller part confirmed) keeps the first confirmation time.
    const again = await p.capturePayment({ data: captured.data })
    expect(again.data?.captured_at).toBe(captured.data?.captured_at)

    const refunded = await p.refundPayment({
      data: captured.data,
      amount: 50000,
      context: { idempotency_key: "ref_1" },
    })
    const data = refunded.data as VietQrPaymentData
    expect(data.refunds).toHaveLength(1)
    expect(data.refunds?.[0]).toMatchObject({ amount: 50000, refund_id: "ref_1" })
    expect(data.refunds?.[0].refunded_at).toMatch(ISO)
    expect(data.captured_at).toBe(captured.data?.captured_at)
    // Refunds do not change Medusa's status of the payment; Medusa tracks refunds itself.
    expect((await p.getPaymentStatus({ data: refunded.data })).status).toBe("captured")

    // Medusa passes the refund's raw amount; a second partial refund adds up.
    const second = await p.refundPayment({
      data: refunded.data,
      amount: new BigNumber(135000).raw!,
      context: { idempotency_key: "ref_2" },
    })
    expect((second.data as VietQrPaymentData).refunds?.map((r) => r.amount)).toEqual([
      50000, 135000,
    ])
  })

  it("walks initiate -> authorize -> cancel, and initiate -> cancel", async () => {
    const { p, data } = await authorized()
    const canceled = await p.cancelPayment({ data })
    expect(canceled.data).toMatchObject({ status: "canceled", transfer_status: "canceled" })
    expect(canceled.data?.canceled_at).toMatch(ISO)
    expect((await p.getPaymentStatus({ data: canceled.data })).status).toBe("canceled")
    // Canceling twice is harmless; capturing or authorizing a canceled payment is not allowed.
    expect((await p.cancelPayment({ data: canceled.data })).data?.canceled_at).toBe(
      canceled.data?.canceled_at,
    )
    const capture = await medusaError(p.capturePayment({ data: canceled.data }))
    expect(capture.type).toBe(MedusaError.Types.NOT_ALLOWED)
    const reauth = await medusaError(p.authorizePayment({ data: canceled.data }))
    expect(reauth.type).toBe(MedusaError.Types.NOT_ALLOWED)

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
    const upper = await p.initiatePayment({ amount: 100, currency_code: "VND" })
    expect(upper.data?.currency_code).toBe("vnd")
  })

  it("reads Medusa's amount forms and rejects nonsense amounts", async () => {
    const p = newProvider()
    expect((await p.initiatePayment({ amount: "250000", currency_code: "vnd" })).data?.amount).toBe(
      250000,
    )
    expect(
      (await p.initiatePayment({ amount: new BigNumber(320000), currency_code: "vnd" })).data
        ?.amount,
    ).toBe(320000)
    for (const amount of [-1, "abc"]) {
      const error = await medusaError(p.initiatePayment({ amount, currency_code: "vnd" }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    }
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

  it("refuses to cancel a received transfer or refund one not received", async () => {
    const { p, data } = await authorized()
    const refund = await medusaError(p.refundPayment({ data, amount: 1000 }))
    expect(refund.type).toBe(MedusaError.Types.NOT_ALLOWED)
    const captured = (await p.capturePayment({ data })).data
    const cancel = await medusaError(p.cancelPayment({ data: captured }))
    expect(cancel.type).toBe(MedusaError.Types.NOT_ALLOWED)
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
    expect((retry.data as VietQrPaymentData).refunds).toHaveLength(1)
    const over = await medusaError(p.refundPayment({ data: first.data, amount: 40001 }))
    expect(over.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(over.message).toContain("60000")
    const zero = await medusaError(p.refundPayment({ data: first.data, amount: 0 }))
    expect(zero.type).toBe(MedusaError.Types.INVALID_DATA)
    const rest = await p.refundPayment({ data: first.data, amount: 40000 })
    expect((rest.data as VietQrPaymentData).refunds?.map((r) => r.amount)).toEqual([60000, 40000])
  })

  it("refuses data it did not create", async () => {
    const p = newProvider()
    const error = await medusaError(p.authorizePayment({ data: {} }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect((await p.getPaymentStatus({ data: {} })).status).toBe("pending")
  })

  it("leaves bank notifications to the platform's own route", async () => {
    const result = await newProvider().getWebhookActionAndData({
      data: { id: "FT1" },
      rawData: "{}",
      headers: {},
    })
    expect(result).toEqual({ action: "not_supported" })
  })
})
