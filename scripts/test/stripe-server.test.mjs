import { spawn } from "node:child_process"
import http from "node:http"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { encodeForm, parseForm } from "../lib/stripe-form.mjs"
import { startStripeServer } from "../lib/stripe-server.mjs"

// The very stripe-node (v15) that Medusa's Stripe provider uses.
const require = createRequire(import.meta.url)
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe")

const KEY = "sk_test_coop123"
const clientFor = (server, key = KEY) =>
  new Stripe(key, { host: server.host, port: server.port, protocol: "http" })

/** An HTTP endpoint that records webhook requests; `respond` picks each status. */
async function startReceiver(respond = () => 200) {
  const received = []
  const server = http.createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const entry = {
      body: Buffer.concat(chunks).toString("utf8"),
      signature: req.headers["stripe-signature"],
      contentType: req.headers["content-type"],
    }
    received.push(entry)
    const status = await respond(entry, received.length)
    entry.answeredAt = Date.now()
    res.writeHead(status).end()
  })
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/payment/stripe_stripe`,
    received,
    types: () => received.map((r) => JSON.parse(r.body).type),
    close: () =>
      new Promise((resolve) => {
        server.close(resolve)
        server.closeAllConnections()
      }),
  }
}

async function raw(server, method, path, { body, headers = {} } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: body === undefined ? undefined : encodeForm(body).toString(),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

describe("Stripe form bodies", () => {
  it("parses bracket nesting, indexed and pushed arrays, and decodes values", () => {
    const body =
      "amount=150000&metadata[session_id]=ps_1&metadata[note]=c%C3%A0%20ph%C3%AA+s%E1%BB%AFa" +
      "&expand[]=latest_charge&expand[]=customer&payment_method_types[0]=card" +
      "&payment_method_types[1]=link&payment_method_data[billing_details][name]=An" +
      "&__proto__[polluted]=1"
    expect(parseForm(body)).toEqual({
      amount: "150000",
      metadata: { session_id: "ps_1", note: "cà phê sữa" },
      expand: ["latest_charge", "customer"],
      payment_method_types: ["card", "link"],
      payment_method_data: { billing_details: { name: "An" } },
    })
    expect({}.polluted).toBeUndefined()
  })

  it("round-trips nested objects and arrays through encodeForm", () => {
    const value = { a: "1", b: { c: ["x", "y"], d: { e: "f g&h" } } }
    expect(parseForm(encodeForm(value).toString())).toEqual(value)
  })
})

describe("the Stripe stand-in API", () => {
  let server
  let stripe
  beforeAll(async () => {
    server = await startStripeServer()
    stripe = clientFor(server)
  })
  afterAll(async () => {
    await server?.close()
  })

  it("creates, confirms and partially captures a manual-capture PaymentIntent in VND", async () => {
    const customer = await stripe.customers.create({ email: "an@example.vn", name: "Nguyễn An" })
    const created = await stripe.paymentIntents.create({
      amount: 150000,
      currency: "VND",
      capture_method: "manual",
      customer: customer.id,
      metadata: { session_id: "payses_1" },
      expand: ["payment_method"],
    })
    expect(created).toMatchObject({
      object: "payment_intent",
      amount: 150000,
      currency: "vnd",
      status: "requires_payment_method",
      capture_method: "manual",
      customer: customer.id,
      metadata: { session_id: "payses_1" },
      livemode: false,
      payment_method: null,
    })
    expect(created.id).toMatch(/^pi_\w+$/)
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`))

    const confirmed = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_visa",
      expand: ["latest_charge", "payment_method"],
    })
    expect(confirmed.status).toBe("requires_capture")
    expect(confirmed.amount_capturable).toBe(150000)
    expect(confirmed.amount_received).toBe(0)
    expect(confirmed.latest_charge).toMatchObject({ object: "charge", captured: false })
    expect(confirmed.payment_method).toMatchObject({ id: "pm_card_visa", type: "card" })

    await expect(
      stripe.paymentIntents.capture(created.id, { amount_to_capture: 150001 }),
    ).rejects.toMatchObject({ code: "amount_too_large", statusCode: 400 })

    const captured = await stripe.paymentIntents.capture(created.id, { amount_to_capture: 120000 })
    expect(captured).toMatchObject({
      status: "succeeded",
      amount_received: 120000,
      amount_capturable: 0,
    })
    expect(server.paymentIntents.get(created.id).status).toBe("succeeded")
    const charge = server.charges.get(captured.latest_charge)
    expect(charge).toMatchObject({ captured: true, amount_captured: 120000 })

    // Capturing twice is the state error Medusa's capturePayment recognises.
    const again = await stripe.paymentIntents.capture(created.id).catch((e) => e)
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(again.code).toBe("payment_intent_unexpected_state")
    expect(again.payment_intent.status).toBe("succeeded")
  })

  it("captures at once with automatic capture and confirm=true", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 42000,
      currency: "vnd",
      capture_method: "automatic",
      payment_method: "pm_card_visa",
      confirm: true,
      expand: ["latest_charge"],
    })
    expect(intent.status).toBe("succeeded")
    expect(intent.amount_received).toBe(42000)
    expect(intent.amount_capturable).toBe(0)
    expect(intent.latest_charge).toMatchObject({
      id: expect.stringMatching(/^ch_/),
      captured: true,
      amount_captured: 42000,
      payment_intent: intent.id,
    })
    const retrieved = await stripe.paymentIntents.retrieve(intent.id)
    expect(retrieved.latest_charge).toBe(intent.latest_charge.id)
  })

  it("declines pm_card_chargeDeclined with a 402 card error and lets the buyer retry", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 99000,
      currency: "vnd",
      metadata: { session_id: "payses_declined" },
    })
    const error = await stripe.paymentIntents
      .confirm(intent.id, { payment_method: "pm_card_chargeDeclined" })
      .catch((e) => e)
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(error).toMatchObject({ statusCode: 402, code: "card_declined" })
    expect(error.decline_code).toBe("generic_decline")
    expect(error.payment_intent.status).toBe("requires_payment_method")

    const failed = await stripe.paymentIntents.retrieve(intent.id)
    expect(failed.status).toBe("requires_payment_method")
    expect(failed.payment_method).toBeNull()
    expect(failed.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined" })
    expect(server.charges.get(failed.latest_charge).status).toBe("failed")

    const retried = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: "pm_card_visa",
    })
    expect(retried.status).toBe("succeeded")
    expect(retried.last_payment_error).toBeNull()
  })

  it("refuses to confirm without a payment method", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "vnd" })
    await expect(stripe.paymentIntents.confirm(intent.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    })
  })

  it("cancels open or authorized intents but not canceled or succeeded ones", async () => {
    const open = await stripe.paymentIntents.create({ amount: 5000, currency: "vnd" })
    const canceled = await stripe.paymentIntents.cancel(open.id, {
      cancellation_reason: "abandoned",
    })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    expect(canceled.canceled_at).toEqual(expect.any(Number))
    const twice = await stripe.paymentIntents.cancel(open.id).catch((e) => e)
    expect(twice.code).toBe("payment_intent_unexpected_state")
    expect(twice.payment_intent.status).toBe("canceled")
    await expect(
      stripe.paymentIntents.confirm(open.id, { payment_method: "pm_card_visa" }),
    ).rejects.toMatchObject({ code: "payment_intent_unexpected_state" })

    const held = await stripe.paymentIntents.create({
      amount: 7000,
      currency: "vnd",
      capture_method: "manual",
      payment_method: "pm_card_visa",
      confirm: true,
    })
    const released = await stripe.paymentIntents.cancel(held.id)
    expect(released).toMatchObject({ status: "canceled", amount_capturable: 0 })
    expect(released.cancellation_reason).toBeNull()

    const paid = await stripe.paymentIntents.create({
      amount: 7000,
      currency: "vnd",
      payment_method: "pm_card_visa",
      confirm: true,
    })
    const refused = await stripe.paymentIntents.cancel(paid.id).catch((e) => e)
    expect(refused.code).toBe("payment_intent_unexpected_state")
    expect(server.paymentIntents.get(paid.id).status).toBe("succeeded")
  })

  it("refunds partially, then the rest, and refuses over-refunds", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 200000,
      currency: "vnd",
      payment_method: "pm_card_visa",
      confirm: true,
    })
    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: 50000 })
    expect(partial).toMatchObject({
      object: "refund",
      status: "succeeded",
      amount: 50000,
      currency: "vnd",
      payment_intent: intent.id,
      charge: intent.latest_charge,
    })
    expect(partial.id).toMatch(/^re_/)
    expect(await stripe.refunds.retrieve(partial.id)).toMatchObject({
      id: partial.id,
      amount: 50000,
    })

    await expect(
      stripe.refunds.create({ payment_intent: intent.id, amount: 150001 }),
    ).rejects.toMatchObject({ code: "amount_too_large", statusCode: 400 })
    expect(server.charges.get(intent.latest_charge).amount_refunded).toBe(50000)

    const rest = await stripe.refunds.create({ payment_intent: intent.id })
    expect(rest.amount).toBe(150000)
    expect(server.charges.get(intent.latest_charge)).toMatchObject({
      amount_refunded: 200000,
      refunded: true,
    })
    // Medusa's refundPayment ignores exactly this code.
    await expect(
      stripe.refunds.create({ payment_intent: intent.id, amount: 1 }),
    ).rejects.toMatchObject({ code: "charge_already_refunded" })
  })

  it("refuses to refund an intent that has not been captured", async () => {
    const held = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "vnd",
      capture_method: "manual",
      payment_method: "pm_card_visa",
      confirm: true,
    })
    await expect(stripe.refunds.create({ payment_intent: held.id })).rejects.toMatchObject({
      code: "charge_not_refundable",
    })
    expect([...server.refunds.values()].some((r) => r.payment_intent === held.id)).toBe(false)
  })

  it("replays an Idempotency-Key without acting again and rejects reuse with other params", async () => {
    const before = server.paymentIntents.size
    const params = { amount: 12345, currency: "vnd", metadata: { session_id: "payses_idem" } }
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "payses_idem" })
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: "payses_idem" })
    expect(second.id).toBe(first.id)
    expect(second.client_secret).toBe(first.client_secret)
    expect(server.paymentIntents.size).toBe(before + 1)
    expect(server.events.filter((e) => e.data.object.id === first.id)).toHaveLength(1)

    const replay = await raw(server, "POST", "/v1/payment_intents", {
      body: params,
      headers: { authorization: `Bearer ${KEY}`, "idempotency-key": "replay-raw" },
    })
    const again = await raw(server, "POST", "/v1/payment_intents", {
      body: params,
      headers: { authorization: `Bearer ${KEY}`, "idempotency-key": "replay-raw" },
    })
    expect(replay.headers.get("idempotent-replayed")).toBeNull()
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(again.body.id).toBe(replay.body.id)

    const other = await stripe.paymentIntents
      .create({ ...params, amount: 54321 }, { idempotencyKey: "payses_idem" })
      .catch((e) => e)
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(server.paymentIntents.size).toBe(before + 2)
  })

  it("replays a stored error too: a declined confirm is not charged twice", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 8000, currency: "vnd" })
    const confirm = () =>
      stripe.paymentIntents
        .confirm(
          intent.id,
          { payment_method: "pm_card_chargeDeclinedInsufficientFunds" },
          { idempotencyKey: `confirm-${intent.id}` },
        )
        .catch((e) => e)
    const first = await confirm()
    const second = await confirm()
    expect(first.decline_code).toBe("insufficient_funds")
    expect(second.decline_code).toBe("insufficient_funds")
    const failures = server.events.filter(
      (e) => e.type === "payment_intent.payment_failed" && e.data.object.id === intent.id,
    )
    expect(failures).toHaveLength(1)
  })

  it("answers unknown ids with 404 resource_missing", async () => {
    const intent = await stripe.paymentIntents.retrieve("pi_missing").catch((e) => e)
    expect(intent).toMatchObject({ statusCode: 404, code: "resource_missing" })
    expect(intent.message).toContain("pi_missing")
    await expect(stripe.customers.retrieve("cus_missing")).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
    })
    await expect(stripe.refunds.retrieve("re_missing")).rejects.toMatchObject({ statusCode: 404 })
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: "vnd", customer: "cus_missing" }),
    ).rejects.toMatchObject({ code: "resource_missing", param: "customer" })
    const route = await raw(server, "GET", "/v1/nothing", {
      headers: { authorization: `Bearer ${KEY}` },
    })
    expect(route.status).toBe(404)
    expect(route.body.error.type).toBe("invalid_request_error")
  })

  it("rejects missing and wrong keys with 401, and live keys", async () => {
    for (const key of ["sk_live_abc", "rk_test_abc", "nonsense"]) {
      const error = await clientFor(server, key)
        .paymentIntents.create({ amount: 1000, currency: "vnd" })
        .catch((e) => e)
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
      expect(error.statusCode).toBe(401)
    }
    const none = await raw(server, "POST", "/v1/customers", { body: { email: "x@y.z" } })
    expect(none.status).toBe(401)
    expect(none.body.error.message).toMatch(/did not provide an API key/)
    const publishable = await clientFor(server, "pk_test_abc")
      .paymentIntents.create({ amount: 1000, currency: "vnd" })
      .catch((e) => e)
    expect(publishable.statusCode).toBe(401)
  })

  it("lets Stripe.js confirm with the publishable key and the client secret", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 65000, currency: "vnd" })
    const wrong = await raw(server, "POST", `/v1/payment_intents/${intent.id}/confirm`, {
      body: {
        key: "pk_test_abc",
        client_secret: `${intent.id}_secret_nope`,
        payment_method: "pm_card_visa",
      },
    })
    expect(wrong.status).toBe(400)
    expect(server.paymentIntents.get(intent.id).status).toBe("requires_payment_method")

    const ok = await raw(server, "POST", `/v1/payment_intents/${intent.id}/confirm`, {
      body: {
        key: "pk_test_abc",
        client_secret: intent.client_secret,
        payment_method_data: { type: "card", card: { number: "4242424242424242" } },
        expected_payment_method_type: "card",
        use_stripe_sdk: "true",
      },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.status).toBe("succeeded")
    expect(ok.body.payment_method).toMatch(/^pm_/)

    const query = new URLSearchParams({ key: "pk_test_abc", client_secret: intent.client_secret })
    const polled = await raw(server, "GET", `/v1/payment_intents/${intent.id}?${query}`)
    expect(polled.status).toBe(200)
    expect(polled.body).toMatchObject({ id: intent.id, status: "succeeded" })
    const secretless = await raw(server, "GET", `/v1/payment_intents/${intent.id}?key=pk_test_abc`)
    expect(secretless.status).toBe(400)
  })

  it("updates amount and metadata before payment, only metadata after", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 10000,
      currency: "vnd",
      metadata: { session_id: "payses_upd", cart: "cart_1" },
    })
    const updated = await stripe.paymentIntents.update(intent.id, {
      amount: 25000,
      metadata: { cart: "", order: "order_1" },
    })
    expect(updated.amount).toBe(25000)
    expect(updated.metadata).toEqual({ session_id: "payses_upd", order: "order_1" })
    expect(server.paymentIntents.get(intent.id).amount).toBe(25000)

    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" })
    expect(paid.amount_received).toBe(25000)
    const late = await stripe.paymentIntents.update(intent.id, { amount: 1 }).catch((e) => e)
    expect(late.code).toBe("payment_intent_unexpected_state")
    expect(server.paymentIntents.get(intent.id).amount).toBe(25000)
    const noted = await stripe.paymentIntents.update(intent.id, { metadata: { note: "gói quà" } })
    expect(noted.metadata.note).toBe("gói quà")
  })

  it("validates parameters like Stripe", async () => {
    await expect(
      stripe.paymentIntents.create({ amount: 1000, currency: "vnd", colour: "red" }),
    ).rejects.toMatchObject({ code: "parameter_unknown", param: "colour" })
    await expect(stripe.paymentIntents.create({ currency: "vnd" })).rejects.toMatchObject({
      code: "parameter_missing",
      param: "amount",
    })
    await expect(
      stripe.paymentIntents.create({ amount: "12.5", currency: "vnd" }),
    ).rejects.toMatchObject({ code: "parameter_invalid_integer" })
    await expect(
      stripe.paymentIntents.create({
        amount: 1000,
        currency: "vnd",
        payment_method_types: ["card"],
        automatic_payment_methods: { enabled: true },
      }),
    ).rejects.toMatchObject({ statusCode: 400 })
    const types = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "vnd",
      payment_method_types: ["card"],
    })
    expect(types).toMatchObject({ payment_method_types: ["card"], automatic_payment_methods: null })
  })

  it("keeps customers: create, retrieve, update, delete", async () => {
    const customer = await stripe.customers.create({
      email: "binh@example.vn",
      name: "Trần Bình",
      address: { city: "Huế", country: "VN", line1: "1 Lê Lợi" },
    })
    expect(customer).toMatchObject({ object: "customer", email: "binh@example.vn" })
    expect(customer.id).toMatch(/^cus_/)
    await stripe.customers.update(customer.id, { phone: "+84901234567", email: "b@example.vn" })
    const read = await stripe.customers.retrieve(customer.id)
    expect(read).toMatchObject({
      phone: "+84901234567",
      email: "b@example.vn",
      address: { city: "Huế", line1: "1 Lê Lợi" },
    })
    const methods = await stripe.customers.listPaymentMethods(customer.id, { limit: 100 })
    expect(methods).toMatchObject({ object: "list", data: [] })
    expect(await stripe.customers.del(customer.id)).toMatchObject({ deleted: true })
    await expect(stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 })
  })
})

describe("Stripe stand-in webhooks", () => {
  const SECRET = "whsec_test_coop"
  const verifier = new Stripe(KEY)
  const verify = (entry, secret = SECRET) =>
    verifier.webhooks.constructEvent(entry.body, entry.signature, secret)

  it("sends signed events that stripe.webhooks.constructEvent accepts, in order", async () => {
    const receiver = await startReceiver()
    const server = await startStripeServer({ webhookUrl: receiver.url, webhookSecret: SECRET })
    try {
      const stripe = clientFor(server)
      const intent = await stripe.paymentIntents.create({
        amount: 150000,
        currency: "vnd",
        metadata: { session_id: "payses_hook" },
      })
      await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" })
      await stripe.refunds.create({ payment_intent: intent.id, amount: 40000 })
      await server.awaitDeliveries()

      expect(receiver.types()).toEqual([
        "payment_intent.created",
        "payment_intent.succeeded",
        "charge.refunded",
      ])
      const [created, succeeded, refunded] = receiver.received.map((entry) => verify(entry))
      expect(receiver.received[0].contentType).toMatch(/^application\/json/)
      expect(receiver.received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
      expect(created).toMatchObject({ object: "event", livemode: false, api_version: "2024-04-10" })
      expect(created.id).toMatch(/^evt_/)
      // Each event carries the object as it was when the event happened.
      expect(created.data.object).toMatchObject({
        id: intent.id,
        status: "requires_payment_method",
      })
      expect(succeeded.data.object).toMatchObject({
        status: "succeeded",
        amount_received: 150000,
        metadata: { session_id: "payses_hook" },
      })
      expect(refunded.data.object).toMatchObject({
        object: "charge",
        payment_intent: intent.id,
        amount_refunded: 40000,
        refunded: false,
      })
      expect(server.events.map((e) => e.id)).toEqual([created.id, succeeded.id, refunded.id])

      const tampered = {
        ...receiver.received[1],
        body: receiver.received[1].body.replace("150000", "1"),
      }
      expect(() => verify(tampered)).toThrow(Stripe.errors.StripeSignatureVerificationError)
      expect(() => verify(receiver.received[1], "whsec_other")).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      )
    } finally {
      await server.close()
      await receiver.close()
    }
  })

  it("reports authorization, failure and cancellation events", async () => {
    const receiver = await startReceiver()
    const server = await startStripeServer({ webhookUrl: receiver.url, webhookSecret: SECRET })
    try {
      const stripe = clientFor(server)
      const held = await stripe.paymentIntents.create({
        amount: 70000,
        currency: "vnd",
        capture_method: "manual",
        metadata: { session_id: "payses_held" },
      })
      await stripe.paymentIntents
        .confirm(held.id, { payment_method: "pm_card_chargeDeclined" })
        .catch(() => {})
      await stripe.paymentIntents.confirm(held.id, { payment_method: "pm_card_visa" })
      await stripe.paymentIntents.cancel(held.id)
      await server.awaitDeliveries()
      expect(receiver.types()).toEqual([
        "payment_intent.created",
        "payment_intent.payment_failed",
        "payment_intent.amount_capturable_updated",
        "payment_intent.canceled",
      ])
      const events = receiver.received.map((entry) => verify(entry))
      expect(events[1].data.object.last_payment_error.code).toBe("card_declined")
      expect(events[2].data.object).toMatchObject({
        status: "requires_capture",
        amount_capturable: 70000,
      })
      expect(events[3].data.object.status).toBe("canceled")
    } finally {
      await server.close()
      await receiver.close()
    }
  })

  it("answers the API before the webhook endpoint answers", async () => {
    let release
    const gate = new Promise((resolve) => {
      release = resolve
    })
    const receiver = await startReceiver(async () => {
      await gate
      return 200
    })
    const server = await startStripeServer({ webhookUrl: receiver.url, webhookSecret: SECRET })
    try {
      const intent = await clientFor(server).paymentIntents.create({
        amount: 1000,
        currency: "vnd",
      })
      expect(intent.status).toBe("requires_payment_method")
      expect(server.deliveries).toHaveLength(0)
      release()
      await server.awaitDeliveries()
      expect(server.deliveries).toMatchObject([{ status: 200, attempt: 1 }])
    } finally {
      await server.close()
      await receiver.close()
    }
  })

  it("keeps one intent's events in order even when the endpoint is slow", async () => {
    const receiver = await startReceiver(async (_entry, n) => {
      if (n === 1) await new Promise((resolve) => setTimeout(resolve, 150))
      return 200
    })
    const server = await startStripeServer({ webhookUrl: receiver.url, webhookSecret: SECRET })
    try {
      await clientFor(server).paymentIntents.create({
        amount: 1000,
        currency: "vnd",
        payment_method: "pm_card_visa",
        confirm: true,
      })
      await server.awaitDeliveries()
      expect(receiver.types()).toEqual(["payment_intent.created", "payment_intent.succeeded"])
      // The second was sent only after the first was answered.
      expect(receiver.received[1].answeredAt).toBeGreaterThanOrEqual(
        receiver.received[0].answeredAt,
      )
      expect(server.deliveries.map((d) => d.eventId)).toEqual(server.events.map((e) => e.id))
    } finally {
      await server.close()
      await receiver.close()
    }
  })

  it("retries a failed delivery with backoff and gives up after three tries", async () => {
    const receiver = await startReceiver((_entry, n) => (n === 1 ? 500 : 200))
    const server = await startStripeServer({
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
      retryDelaysMs: [20, 40],
    })
    try {
      const stripe = clientFor(server)
      await stripe.paymentIntents.create({ amount: 1000, currency: "vnd" })
      await server.awaitDeliveries()
      expect(receiver.received).toHaveLength(2)
      expect(verify(receiver.received[1]).id).toBe(verify(receiver.received[0]).id)
      expect(server.deliveries.map((d) => [d.attempt, d.status])).toEqual([
        [1, 500],
        [2, 200],
      ])

      await receiver.close()
      server.deliveries.length = 0
      await stripe.paymentIntents.create({ amount: 2000, currency: "vnd" })
      await server.awaitDeliveries()
      expect(server.deliveries).toHaveLength(3)
      expect(server.deliveries.every((d) => d.status === null && d.error)).toBe(true)
      expect(server.deliveries.map((d) => d.attempt)).toEqual([1, 2, 3])
    } finally {
      await server.close()
      await receiver.close()
    }
  })

  it("resends a stored event with the same id and body, for duplicates and reordering", async () => {
    const receiver = await startReceiver()
    const server = await startStripeServer({ webhookSecret: SECRET })
    try {
      const stripe = clientFor(server)
      const intent = await stripe.paymentIntents.create({
        amount: 1000,
        currency: "vnd",
        payment_method: "pm_card_visa",
        confirm: true,
      })
      // Events are recorded without a URL, but not delivered.
      expect(server.events.map((e) => e.type)).toEqual([
        "payment_intent.created",
        "payment_intent.succeeded",
      ])
      await server.awaitDeliveries()
      expect(receiver.received).toHaveLength(0)

      server.setWebhookUrl(receiver.url)
      const [created, succeeded] = server.events
      expect(await server.resend(succeeded.id)).toMatchObject({ ok: true, status: 200 })
      await server.resend(created.id)
      await server.resend(succeeded.id)
      const ids = receiver.received.map((entry) => verify(entry).id)
      expect(ids).toEqual([succeeded.id, created.id, succeeded.id])
      expect(receiver.received[2].body).toBe(receiver.received[0].body)
      expect(verify(receiver.received[0]).data.object).toMatchObject({
        id: intent.id,
        status: "succeeded",
      })
      expect(() => server.resend("evt_unknown")).toThrow(/no event/)
    } finally {
      await server.close()
      await receiver.close()
    }
  })
})

describe("the command line", () => {
  it("starts a server and prints its URL", async () => {
    const script = fileURLToPath(new URL("../lib/stripe-server.mjs", import.meta.url))
    const child = spawn(process.execPath, [script, "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    })
    try {
      const url = await new Promise((resolve, reject) => {
        let out = ""
        child.stdout.on("data", (chunk) => {
          out += chunk
          const match = out.match(/listening on (http:\/\/\S+)/)
          if (match) resolve(match[1])
        })
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)))
      })
      const response = await fetch(`${url}/v1/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}` },
        body: new URLSearchParams({ email: "cli@example.vn" }),
      })
      expect(response.status).toBe(200)
      expect((await response.json()).email).toBe("cli@example.vn")
    } finally {
      child.kill("SIGTERM")
    }
  })
})
