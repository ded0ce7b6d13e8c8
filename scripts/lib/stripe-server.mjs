// A Stripe API stand-in that keeps state, for development and tests without a Stripe account
// (stripe/stripe-mock answers from fixtures and remembers nothing). It covers what Medusa's Stripe
// provider and Stripe.js use: customers, PaymentIntents (create, update, confirm, capture,
// cancel), refunds, and signed webhooks delivered asynchronously with retries.
// Development: `node scripts/lib/stripe-server.mjs --port 12111 [--webhook-url URL]`.
import { createHmac, randomBytes } from "node:crypto"
import http from "node:http"
import { pathToFileURL } from "node:url"
import {
  allow,
  choice,
  fail,
  integer,
  mergeMetadata,
  parseForm,
  StripeFailure,
} from "./stripe-form.mjs"

export const API_VERSION = "2024-04-10" // the version pinned by stripe-node 15, Medusa's SDK
const now = () => Math.floor(Date.now() / 1000)
const newId = (prefix, bytes = 12) => `${prefix}_${randomBytes(bytes).toString("hex")}`
const clone = (value) => structuredClone(value)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref())
const words = (text) => text.trim().split(/\s+/)
const nulls = (text) => Object.fromEntries(words(text).map((key) => [key, null]))

const missing = (kind, id, param = "id") =>
  fail(404, `No such ${kind}: '${id}'`, { code: "resource_missing", param })
/** Stripe's answer to an action the intent's status does not allow (Medusa inspects it). */
function requireStatus(pi, allowed, action) {
  if (allowed.includes(pi.status)) return
  const message = `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be used: ${allowed.join(", ")}.`
  fail(400, message, { code: "payment_intent_unexpected_state", payment_intent: clone(pi) })
}

// Stripe's test PaymentMethods and card numbers that decline, with their decline codes.
const DECLINES = {
  pm_card_chargeDeclined: "generic_decline",
  pm_card_visa_chargeDeclined: "generic_decline",
  pm_card_chargeDeclinedInsufficientFunds: "insufficient_funds",
  pm_card_chargeDeclinedLostCard: "lost_card",
  pm_card_chargeDeclinedFraudulent: "fraudulent",
  4000000000000002: "generic_decline",
  4000000000009995: "insufficient_funds",
}
const CONFIRMABLE = words("requires_payment_method requires_confirmation requires_action")
const CANCELABLE = [...CONFIRMABLE, "requires_capture", "processing"]
const CAPTURE_METHODS = words("automatic automatic_async manual")
const INTENT_FIELDS = words(`amount currency metadata capture_method payment_method_types
  automatic_payment_methods customer description payment_method payment_method_data
  payment_method_options payment_method_configuration setup_future_usage receipt_email shipping
  statement_descriptor statement_descriptor_suffix expand`)
const CREATE_FIELDS = [...INTENT_FIELDS, ...words("confirm off_session return_url")]
// Stripe.js sends some of these; `client_secret` and `key` are taken out before the check.
const CONFIRM_FIELDS = words(`payment_method payment_method_data payment_method_options return_url
  off_session setup_future_usage receipt_email shipping mandate_data use_stripe_sdk
  expected_payment_method_type expand`)
// An update may change these after confirmation; the other fields only before it.
const ALWAYS_UPDATABLE = words("metadata description receipt_email shipping expand")
const COPIED_ON_UPDATE = words(`description receipt_email shipping setup_future_usage
  payment_method_types payment_method_options`)
const CUSTOMER_FIELDS = words("address description email name phone shipping")

/**
 * Starts the server. `webhookSecret` signs the events (one is generated when omitted);
 * `secretKey`/`publishableKey`, when given, are the only keys accepted (otherwise any
 * `sk_test_…`/`pk_test_…`). A webhook is tried `retryDelaysMs.length + 1` times.
 */
export async function startStripeServer(options = {}) {
  const { port = 0, host = "127.0.0.1", log = () => {}, retryDelaysMs = [100, 400] } = options
  const { secretKey, publishableKey, apiVersion = API_VERSION, timeoutMs = 5000 } = options
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString("hex")}`
  let webhookUrl = options.webhookUrl
  let closed = false
  const [customers, paymentIntents, paymentMethods, charges, refunds] = Array.from(
    { length: 5 },
    () => new Map(),
  )
  const declines = new Map() // payment method id -> decline code
  const idempotency = new Map() // api key + Idempotency-Key -> the stored answer
  const events = []
  const bodies = new Map() // event id -> the exact JSON delivered
  const deliveries = [] // every attempt: { eventId, url, attempt, status, error, at }
  const chains = new Map() // payment intent id -> the tail of its delivery queue
  const pending = new Set()
  let request = { id: null, idempotency_key: null } // the API request being handled

  // --- webhooks ---------------------------------------------------------------------------
  const track = (promise) => {
    pending.add(promise)
    promise.finally(() => pending.delete(promise)).catch(() => {})
    return promise
  }
  const sign = (body, t = now()) =>
    `t=${t},v1=${createHmac("sha256", webhookSecret).update(`${t}.${body}`).digest("hex")}`
  async function deliver(eventId, url) {
    const body = bodies.get(eventId)
    for (let attempt = 1; ; attempt++) {
      let status = null
      let error = null
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "stripe-signature": sign(body),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
        status = response.status
        await response.arrayBuffer().catch(() => {})
      } catch (e) {
        error = e.cause?.code ?? e.message
      }
      const ok = status >= 200 && status < 300
      deliveries.push({ eventId, url, attempt, status, error, at: Date.now() })
      log(`webhook ${eventId} -> ${url}: ${status ?? error} (attempt ${attempt})`)
      if (ok || closed || attempt > retryDelaysMs.length)
        return { ok, status, error, attempts: attempt }
      await sleep(retryDelaysMs[attempt - 1])
    }
  }
  function emit(type, object, orderKey) {
    const event = { id: newId("evt"), object: "event", api_version: apiVersion, created: now() }
    Object.assign(event, { data: { object: clone(object) }, livemode: false, type })
    Object.assign(event, { pending_webhooks: webhookUrl ? 1 : 0, request: { ...request } })
    events.push(event)
    bodies.set(event.id, JSON.stringify(event, null, 2))
    if (!webhookUrl) return
    const url = webhookUrl
    // One queue per payment intent keeps its events in creation order; the API answers first.
    const previous = chains.get(orderKey) ?? new Promise((resolve) => setImmediate(resolve))
    const next = previous.then(() => deliver(event.id, url))
    chains.set(orderKey, next)
    track(next).then(() => chains.get(orderKey) === next && chains.delete(orderKey))
  }

  // --- objects ----------------------------------------------------------------------------
  function usePaymentMethod(ref, data) {
    let id = ref
    if (data !== undefined) {
      if (typeof data !== "object") fail(400, "Invalid object", { param: "payment_method_data" })
      id = newId("pm")
      if (DECLINES[data.card?.number]) declines.set(id, DECLINES[data.card.number])
    } else if (typeof ref !== "string" || !/^pm_\w+$/.test(ref)) {
      missing("PaymentMethod", ref, "payment_method")
    } else if (/chargeDeclined/.test(ref)) {
      declines.set(ref, DECLINES[ref] ?? "generic_decline")
    }
    if (!paymentMethods.has(id)) {
      const card = { brand: "visa", country: "US", exp_month: 12, funding: "credit" }
      Object.assign(card, { exp_year: new Date().getFullYear() + 5 })
      paymentMethods.set(id, {
        id,
        object: "payment_method",
        type: data?.type ?? "card",
        card: { ...card, last4: declines.has(id) ? "0002" : "4242" },
        billing_details: nulls("address email name phone"),
        ...{ created: now(), customer: null, livemode: false, metadata: {} },
      })
    }
    return paymentMethods.get(id)
  }
  function createCharge(pi, { captured, failed = false }) {
    const charge = { id: newId("ch"), object: "charge", amount: pi.amount, amount_refunded: 0 }
    Object.assign(charge, {
      amount_captured: captured ? pi.amount : 0,
      captured,
      created: now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      failure_code: failed ? "card_declined" : null,
      failure_message: failed ? "Your card was declined." : null,
      livemode: false,
      metadata: clone(pi.metadata), // Stripe copies the intent's metadata onto its charges
      paid: !failed,
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      refunded: false,
      status: failed ? "failed" : "succeeded",
    })
    charges.set(charge.id, charge)
    pi.latest_charge = charge.id
    return charge
  }
  function view(pi, expand) {
    const out = clone(pi)
    const sources = { payment_method: paymentMethods, latest_charge: charges, customer: customers }
    for (const path of [expand ?? []].flat()) {
      const field = String(path).split(".")[0]
      if (!sources[field])
        fail(400, `This property cannot be expanded (${path}).`, { param: "expand" })
      if (out[field]) out[field] = clone(sources[field].get(out[field]) ?? out[field])
    }
    return out
  }
  function writeCustomer(customer, params) {
    allow(params, [...CUSTOMER_FIELDS, "metadata", "expand"])
    for (const field of CUSTOMER_FIELDS.filter((f) => params[f] !== undefined)) {
      customer[field] = params[field] === "" ? null : params[field]
    }
    customer.metadata = mergeMetadata(customer.metadata, params.metadata)
    customers.set(customer.id, customer)
    return clone(customer)
  }
  const findCustomer = (id, param) =>
    customers.has(id) && !customers.get(id).deleted
      ? customers.get(id)
      : missing("customer", id, param)
  function findIntent(id, params, auth) {
    const pi = paymentIntents.get(id) ?? missing("payment_intent", id, "intent")
    if (auth === "publishable" && params.client_secret !== pi.client_secret) {
      const message = "The client_secret provided does not match any associated PaymentIntent."
      fail(400, message, { param: "client_secret" })
    }
    delete params.client_secret
    return pi
  }
  const setPaymentMethod = (pi, params) => {
    if (params.payment_method || params.payment_method_data) {
      pi.payment_method = usePaymentMethod(params.payment_method, params.payment_method_data).id
    }
  }

  // --- payment intents --------------------------------------------------------------------
  function createIntent(params) {
    allow(params, CREATE_FIELDS)
    const amount = integer(params, "amount", { required: true, min: 1 })
    const currency = String(params.currency ?? "").toLowerCase()
    if (!/^[a-z]{3}$/.test(currency)) {
      fail(400, "Missing required param: currency.", {
        code: "parameter_missing",
        param: "currency",
      })
    }
    const automatic = params.automatic_payment_methods
    if (params.payment_method_types && automatic?.enabled === "true") {
      const message =
        "You may only specify one of these parameters: automatic_payment_methods, payment_method_types."
      fail(400, message, { param: "automatic_payment_methods" })
    }
    const id = newId("pi")
    const pi = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_received: 0,
      // Since API version 2023-08-16 automatic payment methods are on unless types are given.
      automatic_payment_methods: params.payment_method_types
        ? null
        : { enabled: automatic?.enabled !== "false", allow_redirects: "always" },
      ...nulls("canceled_at cancellation_reason last_payment_error latest_charge next_action"),
      ...nulls("payment_method payment_method_configuration_details processing"),
      capture_method: choice(params, "capture_method", CAPTURE_METHODS, "automatic"),
      client_secret: `${id}_secret_${randomBytes(12).toString("hex")}`,
      confirmation_method: "automatic",
      created: now(),
      currency,
      customer: params.customer ? findCustomer(params.customer, "customer").id : null,
      description: params.description ?? null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      payment_method_options: params.payment_method_options ?? {},
      payment_method_types: params.payment_method_types ?? ["card"],
      receipt_email: params.receipt_email ?? null,
      setup_future_usage: params.setup_future_usage ?? null,
      shipping: params.shipping ?? null,
      status: "requires_payment_method",
    }
    setPaymentMethod(pi, params)
    if (pi.payment_method) pi.status = "requires_confirmation"
    paymentIntents.set(id, pi)
    emit("payment_intent.created", pi, id)
    if (params.confirm === "true") confirmIntent(pi, {})
    return view(pi, params.expand)
  }
  function updateIntent(pi, params) {
    allow(params, INTENT_FIELDS)
    const locked = Object.keys(params).find((key) => !ALWAYS_UPDATABLE.includes(key))
    if (locked) requireStatus(pi, CONFIRMABLE, `update the ${locked} of`)
    pi.amount = integer(params, "amount", { min: 1 }) ?? pi.amount
    if (params.currency) pi.currency = String(params.currency).toLowerCase()
    if (params.customer !== undefined) {
      pi.customer = params.customer ? findCustomer(params.customer, "customer").id : null
    }
    pi.capture_method = choice(params, "capture_method", CAPTURE_METHODS, pi.capture_method)
    setPaymentMethod(pi, params)
    if (pi.payment_method && pi.status === "requires_payment_method") {
      pi.status = "requires_confirmation"
    }
    for (const field of COPIED_ON_UPDATE.filter((f) => params[f] !== undefined)) {
      pi[field] = params[field] === "" ? null : params[field]
    }
    pi.metadata = mergeMetadata(pi.metadata, params.metadata)
    return view(pi, params.expand)
  }
  function confirmIntent(pi, params) {
    allow(params, CONFIRM_FIELDS)
    requireStatus(pi, CONFIRMABLE, "confirm")
    setPaymentMethod(pi, params)
    if (!pi.payment_method) {
      const message =
        "You cannot confirm this PaymentIntent because it's missing a payment method. Pass one in the payment_method parameter."
      fail(400, message, { code: "payment_intent_unexpected_state", payment_intent: clone(pi) })
    }
    for (const field of words("receipt_email shipping setup_future_usage")) {
      if (params[field] !== undefined) pi[field] = params[field]
    }
    const decline = declines.get(pi.payment_method)
    if (decline) {
      const charge = createCharge(pi, { captured: false, failed: true })
      const error = { type: "card_error", code: "card_declined", decline_code: decline }
      Object.assign(error, { message: "Your card was declined.", charge: charge.id })
      error.payment_method = clone(paymentMethods.get(pi.payment_method))
      Object.assign(pi, { status: "requires_payment_method", last_payment_error: error })
      pi.payment_method = null // Stripe detaches the failed method from the intent
      emit("payment_intent.payment_failed", pi, pi.id)
      throw new StripeFailure(402, { ...error, payment_intent: clone(pi) })
    }
    const manual = pi.capture_method === "manual"
    createCharge(pi, { captured: !manual })
    pi.last_payment_error = null
    if (manual) {
      Object.assign(pi, { status: "requires_capture", amount_capturable: pi.amount })
      emit("payment_intent.amount_capturable_updated", pi, pi.id)
    } else {
      Object.assign(pi, { status: "succeeded", amount_received: pi.amount })
      emit("payment_intent.succeeded", pi, pi.id)
    }
    return view(pi, params.expand)
  }
  function captureIntent(pi, params) {
    allow(params, words("amount_to_capture metadata final_capture statement_descriptor expand"))
    requireStatus(pi, ["requires_capture"], "capture")
    const amount = integer(params, "amount_to_capture", { min: 1 }) ?? pi.amount_capturable
    if (amount > pi.amount_capturable) {
      const message = `The amount to capture (${amount}) is greater than the amount capturable (${pi.amount_capturable}).`
      fail(400, message, { code: "amount_too_large", param: "amount_to_capture" })
    }
    Object.assign(charges.get(pi.latest_charge), { captured: true, amount_captured: amount })
    pi.metadata = mergeMetadata(pi.metadata, params.metadata)
    Object.assign(pi, { status: "succeeded", amount_received: amount, amount_capturable: 0 })
    emit("payment_intent.succeeded", pi, pi.id)
    return view(pi, params.expand)
  }
  function cancelIntent(pi, params) {
    allow(params, ["cancellation_reason", "expand"])
    const reasons = words("duplicate fraudulent requested_by_customer abandoned")
    const cancellation_reason = choice(params, "cancellation_reason", reasons)
    requireStatus(pi, CANCELABLE, "cancel")
    Object.assign(pi, { status: "canceled", cancellation_reason, canceled_at: now() })
    pi.amount_capturable = 0
    emit("payment_intent.canceled", pi, pi.id)
    return view(pi, params.expand)
  }

  // --- refunds ----------------------------------------------------------------------------
  function createRefund(params) {
    allow(params, words("payment_intent charge amount reason metadata expand instructions_email"))
    let charge
    if (params.charge) {
      charge = charges.get(params.charge) ?? missing("charge", params.charge, "charge")
    } else if (params.payment_intent) {
      const id = params.payment_intent
      charge = charges.get(
        (paymentIntents.get(id) ?? missing("payment_intent", id, "payment_intent")).latest_charge,
      )
    } else {
      const message =
        "One of the following params should be provided for this request: payment_intent or charge."
      fail(400, message, { code: "parameter_missing" })
    }
    if (charge?.status !== "succeeded" || !charge.captured) {
      const what = params.charge
        ? `Charge ${params.charge}`
        : `PaymentIntent ${params.payment_intent}`
      fail(400, `${what} has no successful, captured charge to refund.`, {
        code: "charge_not_refundable",
      })
    }
    const remaining = charge.amount_captured - charge.amount_refunded
    if (remaining <= 0) {
      fail(400, `Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      })
    }
    const amount = integer(params, "amount", { min: 1 }) ?? remaining
    if (amount > remaining) {
      const message = `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`
      fail(400, message, { code: "amount_too_large", param: "amount" })
    }
    const refund = { id: newId("re"), object: "refund", amount, charge: charge.id, created: now() }
    Object.assign(refund, {
      currency: charge.currency,
      metadata: mergeMetadata({}, params.metadata),
      payment_intent: charge.payment_intent,
      reason: choice(params, "reason", words("duplicate fraudulent requested_by_customer")),
      status: "succeeded",
    })
    refunds.set(refund.id, refund)
    charge.amount_refunded += amount
    charge.refunded = charge.amount_refunded === charge.amount_captured
    emit("charge.refunded", charge, charge.payment_intent)
    return clone(refund)
  }

  // --- routing ----------------------------------------------------------------------------
  // (id from the path, parameters, "secret" | "publishable"); a trailing `true` admits pk_ keys.
  const routes = Object.entries({
    "POST /v1/customers": (_, p) =>
      writeCustomer(
        {
          id: newId("cus"),
          object: "customer",
          created: now(),
          livemode: false,
          ...nulls("address description email name phone shipping"),
          metadata: {},
        },
        p,
      ),
    "GET /v1/customers/:id": (id) => clone(findCustomer(id)),
    "POST /v1/customers/:id": (id, p) => writeCustomer(findCustomer(id), p),
    "DELETE /v1/customers/:id": (id) => {
      findCustomer(id).deleted = true
      return { id, object: "customer", deleted: true }
    },
    "GET /v1/customers/:id/payment_methods": (id) => ({
      object: "list",
      data: clone([...paymentMethods.values()].filter((pm) => pm.customer === findCustomer(id).id)),
      has_more: false,
      url: `/v1/customers/${id}/payment_methods`,
    }),
    "GET /v1/payment_methods/:id": (id) => clone(usePaymentMethod(id)),
    "POST /v1/payment_intents": (_, p) => createIntent(p),
    "GET /v1/payment_intents/:id": [(id, p, auth) => view(findIntent(id, p, auth), p.expand), true],
    "POST /v1/payment_intents/:id": (id, p) => updateIntent(findIntent(id, p), p),
    "POST /v1/payment_intents/:id/confirm": [
      (id, p, auth) => confirmIntent(findIntent(id, p, auth), p),
      true,
    ],
    "POST /v1/payment_intents/:id/capture": (id, p) => captureIntent(findIntent(id, p), p),
    "POST /v1/payment_intents/:id/cancel": (id, p) => cancelIntent(findIntent(id, p), p),
    "GET /v1/charges/:id": (id) => clone(charges.get(id) ?? missing("charge", id)),
    "POST /v1/refunds": (_, p) => createRefund(p),
    "GET /v1/refunds/:id": (id) => clone(refunds.get(id) ?? missing("refund", id)),
  }).map(([route, entry]) => {
    const [method, path] = route.split(" ")
    const [handler, publishable = false] = [entry].flat()
    return {
      method,
      pattern: new RegExp(`^${path.replace(":id", "([^/]+)")}$`),
      handler,
      publishable,
    }
  })

  function authenticate(req, params) {
    const header = String(req.headers.authorization ?? "")
    let key = null
    if (/^bearer /i.test(header)) key = header.slice(7).trim()
    else if (/^basic /i.test(header))
      key = Buffer.from(header.slice(6), "base64").toString().split(":")[0]
    if (!key && String(params.key).startsWith("pk_")) key = params.key // Stripe.js: key in the body
    delete params.key
    if (!key) {
      fail(
        401,
        "You did not provide an API key. Provide it in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      )
    }
    if (secretKey ? key === secretKey : /^sk_test_\w+$/.test(key)) return { kind: "secret", key }
    if (publishableKey ? key === publishableKey : /^pk_test_\w+$/.test(key)) {
      return { kind: "publishable", key }
    }
    return fail(401, `Invalid API Key provided: ${key.slice(0, 8)}********${key.slice(-4)}`)
  }

  function answer(req, url, raw, headers) {
    const params = { ...parseForm(url.searchParams), ...parseForm(raw) }
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname))
    if (!route) fail(404, `Unrecognized request URL (${req.method}: ${url.pathname}).`)
    const id = route.pattern.exec(url.pathname)[1]
    const auth = authenticate(req, params)
    if (auth.kind === "publishable" && !route.publishable) {
      fail(
        401,
        "This API call cannot be made with a publishable API key. Please use a secret API key.",
      )
    }
    const idempotencyKey = headers["idempotency-key"]
    const scope = idempotencyKey && `${auth.key}\n${idempotencyKey}`
    const fingerprint = `${req.method} ${url.pathname}${url.search}\n${raw}`
    const stored = scope && idempotency.get(scope)
    if (stored && stored.fingerprint !== fingerprint) {
      const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
      throw new StripeFailure(400, { type: "idempotency_error", message })
    }
    if (stored) {
      headers["idempotent-replayed"] = "true"
      return stored
    }
    request = { id: headers["request-id"], idempotency_key: idempotencyKey ?? null }
    let result
    try {
      const body = route.handler(id && decodeURIComponent(id), params, auth.kind)
      result = { status: 200, body }
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error
      result = { status: error.status, body: { error: error.error } }
    }
    if (scope) idempotency.set(scope, { fingerprint, ...result })
    return result
  }

  async function handle(req, res) {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const url = new URL(req.url, "http://stripe.local")
    const headers = { "content-type": "application/json", "request-id": newId("req", 7) }
    headers["stripe-version"] = req.headers["stripe-version"] ?? apiVersion
    const idempotencyKey = req.method === "POST" && req.headers["idempotency-key"]
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey
    let result
    try {
      result = answer(req, url, Buffer.concat(chunks).toString("utf8"), headers)
    } catch (error) {
      if (!(error instanceof StripeFailure)) log(`stripe-server: ${error?.stack ?? error}`)
      result =
        error instanceof StripeFailure
          ? { status: error.status, body: { error: error.error } }
          : { status: 500, body: { error: { type: "api_error", message: String(error?.message) } } }
    }
    log(`${req.method} ${url.pathname} -> ${result.status}`)
    res.writeHead(result.status, headers).end(JSON.stringify(result.body, null, 2))
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`stripe-server: ${error?.stack ?? error}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, resolve)
  })
  const address = server.address()
  const urlHost = address.address.includes(":") ? `[${address.address}]` : address.address
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    protocol: "http",
    webhookSecret,
    ...{ events, deliveries, paymentIntents, customers, charges, refunds },
    setWebhookUrl(url) {
      webhookUrl = url ?? undefined
    },
    resend(eventId, url = webhookUrl) {
      if (!bodies.has(eventId)) throw new Error(`stripe-server: no event ${eventId}`)
      if (!url) throw new Error("stripe-server: no webhook URL to resend to")
      return track(deliver(eventId, url))
    },
    async awaitDeliveries() {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
    close() {
      closed = true
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => {
    const index = process.argv.indexOf(`--${name}`)
    return index > 0 ? process.argv[index + 1] : undefined
  }
  const server = await startStripeServer({
    port: Number(arg("port") ?? process.env.STRIPE_SERVER_PORT ?? 12111),
    host: arg("host") ?? "127.0.0.1",
    webhookUrl: arg("webhook-url") ?? process.env.STRIPE_WEBHOOK_URL,
    webhookSecret: arg("webhook-secret") ?? process.env.STRIPE_WEBHOOK_SECRET,
    log: (line) => console.log(line),
  })
  console.log(`Stripe stand-in listening on ${server.url} (webhook secret ${server.webhookSecret})`)
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => server.close().then(() => process.exit(0)))
  }
}
