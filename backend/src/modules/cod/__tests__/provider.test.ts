import { BigNumber, MedusaError, Modules } from "@medusajs/framework/utils"
import provider, { COD_PROVIDER_ID } from "../index"
import CodProviderService, { type CodPaymentData } from "../service"

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function newProvider() {
  return new CodProviderService({ logger: console }, {})
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

describe("cash-on-delivery payment provider", () => {
  it("registers as a payment module provider with the identifier cod", () => {
    expect(provider.module).toBe(Modules.PAYMENT)
    expect(provider.services).toEqual([CodProviderService])
    expect(CodProviderService.identifier).toBe("cod")
    expect(newProvider().getIdentifier()).toBe("cod")
    expect(COD_PROVIDER_ID).toBe("pp_cod_cod")
  })

  it("walks initiate -> authorize -> capture -> refund", async () => {
    const p = newProvider()
    const session = await p.initiatePayment({ amount: 185000, currency_code: "vnd" })
    expect(session.id).toMatch(/^cod_[0-9a-f]{24}$/)
    expect(session.data).toEqual({ status: "pending", amount: 185000, currency_code: "vnd" })
    expect((await p.getPaymentStatus({ data: session.data })).status).toBe("pending")

    // Authorized at once: the order is placed, the cash is collected at the door.
    const auth = await p.authorizePayment({ data: session.data })
    expect(auth.status).toBe("authorized")
    expect(auth.data).toMatchObject({
      status: "authorized",
      collection_status: "awaiting_delivery",
    })
    expect(auth.data?.authorized_at).toMatch(ISO)
    expect((await p.getPaymentStatus({ data: auth.data })).status).toBe("authorized")
    // Authorizing again (Medusa retries) changes nothing.
    expect((await p.authorizePayment({ data: auth.data })).data).toEqual(auth.data)

    const delivered = await p.capturePayment({ data: auth.data })
    expect(delivered.data).toMatchObject({ status: "captured", collection_status: "collected" })
    expect(delivered.data?.captured_at).toMatch(ISO)
    expect((await p.getPaymentStatus({ data: delivered.data })).status).toBe("captured")
    expect((await p.capturePayment({ data: delivered.data })).data?.captured_at).toBe(
      delivered.data?.captured_at,
    )

    const refunded = await p.refundPayment({
      data: delivered.data,
      amount: new BigNumber(185000).raw!,
      context: { idempotency_key: "ref_1" },
    })
    const data = refunded.data as CodPaymentData
    expect(data.refunds).toHaveLength(1)
    expect(data.refunds?.[0]).toMatchObject({ amount: 185000, refund_id: "ref_1" })
    expect(data.refunds?.[0].refunded_at).toMatch(ISO)
    const over = await medusaError(p.refundPayment({ data: refunded.data, amount: 1 }))
    expect(over.type).toBe(MedusaError.Types.INVALID_DATA)
  })

  it("walks initiate -> authorize -> cancel", async () => {
    const { p, data } = await authorized()
    const canceled = await p.cancelPayment({ data })
    expect(canceled.data).toMatchObject({ status: "canceled", collection_status: "canceled" })
    expect(canceled.data?.canceled_at).toMatch(ISO)
    expect((await p.getPaymentStatus({ data: canceled.data })).status).toBe("canceled")
    const capture = await medusaError(p.capturePayment({ data: canceled.data }))
    expect(capture.type).toBe(MedusaError.Types.NOT_ALLOWED)
  })

  it("refuses to cancel collected cash or refund cash not collected", async () => {
    const { p, data } = await authorized()
    const refund = await medusaError(p.refundPayment({ data, amount: 1000 }))
    expect(refund.type).toBe(MedusaError.Types.NOT_ALLOWED)
    const collected = (await p.capturePayment({ data })).data
    const cancel = await medusaError(p.cancelPayment({ data: collected }))
    expect(cancel.type).toBe(MedusaError.Types.NOT_ALLOWED)
  })

  it("accepts VND only", async () => {
    const p = newProvider()
    for (const currency_code of ["usd", "eur"]) {
      const error = await medusaError(p.initiatePayment({ amount: 100, currency_code }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toContain("VND")
    }
    expect(
      (await p.initiatePayment({ amount: 100, currency_code: "VND" })).data?.currency_code,
    ).toBe("vnd")
  })

  it("has no webhooks", async () => {
    const result = await newProvider().getWebhookActionAndData({
      data: {},
      rawData: "",
      headers: {},
    })
    expect(result).toEqual({ action: "not_supported" })
  })
})
