import { randomBytes } from "node:crypto"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  PaymentSessionStatus,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  BigNumber,
  MedusaError,
  PaymentActions,
} from "@medusajs/framework/utils"

/**
 * Cash on delivery (thanh toán khi nhận hàng). Medusa's view of one payment:
 *
 * - initiate: a session { status: "pending", amount, currency_code } (VND only);
 * - authorize: at once, the order is placed and the cash will be collected at the door
 *   (`collection_status: "awaiting_delivery"`);
 * - capture: when the parcel is delivered and the cash collected (`captured_at`,
 *   `collection_status: "collected"`); capturing again keeps the first `captured_at`;
 * - cancel: before capture only (`canceled_at`);
 * - refund: records cash handed back to the buyer in `refunds`.
 *
 * Registered as `{ resolve: "./src/modules/cod", id: "cod" }` among the payment module's
 * providers, its id is `pp_cod_cod`. No options.
 */

export type CodCollectionStatus = "awaiting_delivery" | "collected" | "canceled"

export type CodRefund = {
  amount: number
  refunded_at: string
  /** Medusa's refund id (the idempotency key), so a retried refund is recorded once. */
  refund_id?: string
}

export type CodPaymentData = {
  status: "pending" | "authorized" | "captured" | "canceled"
  amount: number
  currency_code: string
  collection_status?: CodCollectionStatus
  authorized_at?: string
  captured_at?: string
  canceled_at?: string
  refunds?: CodRefund[]
}

export type CodProviderOptions = Record<string, unknown>

export const COD_PROVIDER_IDENTIFIER = "cod"
export const COD_PROVIDER_ID = "pp_cod_cod"

function toAmount(value: unknown, what: string): number {
  let n: number
  try {
    n = new BigNumber(value as ConstructorParameters<typeof BigNumber>[0]).numeric
  } catch {
    n = Number.NaN
  }
  if (!Number.isFinite(n)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${what} is not a number: ${String(value)}`,
    )
  }
  return n
}

function requireVnd(currency: unknown): string {
  const code = typeof currency === "string" ? currency.toLowerCase() : ""
  if (code !== "vnd") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Cash on delivery is collected in Vietnamese dong (VND) only, not "${String(currency)}"`,
    )
  }
  return code
}

function readData(data: Record<string, unknown> | undefined): CodPaymentData {
  const d = (data ?? {}) as Partial<CodPaymentData>
  if (typeof d.amount !== "number" || typeof d.currency_code !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Cash-on-delivery payment data has no amount or currency; was the session initiated by this provider?",
    )
  }
  return d as CodPaymentData
}

/** Medusa's status of a cash-on-delivery session or payment, from its data. */
export function codStatus(data: Record<string, unknown> | undefined): PaymentSessionStatus {
  const d = (data ?? {}) as Partial<CodPaymentData>
  if (d.canceled_at) return "canceled"
  if (d.captured_at) return "captured"
  if (d.authorized_at) return "authorized"
  return "pending"
}

export default class CodProviderService extends AbstractPaymentProvider<CodProviderOptions> {
  static identifier = COD_PROVIDER_IDENTIFIER

  // Public, so the provider can be built directly (tests); the base constructor is protected.
  constructor(container: Record<string, unknown>, options: CodProviderOptions = {}) {
    super(container, options)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const currency_code = requireVnd(input.currency_code)
    const amount = toAmount(input.amount, "Amount")
    if (amount < 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Amount must not be negative: ${amount}`,
      )
    }
    const data: CodPaymentData = { status: "pending", amount, currency_code }
    return { id: `cod_${randomBytes(12).toString("hex")}`, data, status: "pending" }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const currency_code = requireVnd(input.currency_code)
    const amount = toAmount(input.amount, "Amount")
    if (amount < 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Amount must not be negative: ${amount}`,
      )
    }
    const data = { ...(input.data ?? {}), amount, currency_code }
    return { data, status: codStatus(data) }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = readData(input.data)
    requireVnd(data.currency_code)
    if (data.canceled_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This cash-on-delivery payment was canceled",
      )
    }
    if (data.captured_at || data.authorized_at) return { data, status: codStatus(data) }
    return {
      data: {
        ...data,
        status: "authorized",
        collection_status: "awaiting_delivery",
        authorized_at: new Date().toISOString(),
      } satisfies CodPaymentData,
      status: "authorized",
    }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = readData(input.data)
    if (data.canceled_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A canceled cash-on-delivery payment cannot be captured",
      )
    }
    if (data.captured_at) return { data }
    return {
      data: {
        ...data,
        status: "captured",
        collection_status: "collected",
        captured_at: new Date().toISOString(),
      } satisfies CodPaymentData,
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = readData(input.data)
    if (data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The cash was already collected; refund it instead of canceling",
      )
    }
    if (data.canceled_at) return { data }
    return {
      data: {
        ...data,
        status: "canceled",
        collection_status: "canceled",
        canceled_at: new Date().toISOString(),
      } satisfies CodPaymentData,
    }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = readData(input.data)
    if (!data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Only collected cash can be refunded; cancel the payment instead",
      )
    }
    const amount = toAmount(input.amount, "Refund amount")
    if (amount <= 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Refund amount must be positive: ${amount}`,
      )
    }
    const refunds = data.refunds ?? []
    const refundId = input.context?.idempotency_key
    if (refundId && refunds.some((r) => r.refund_id === refundId)) return { data }
    const refunded = refunds.reduce((sum, r) => sum + r.amount, 0)
    if (refunded + amount > data.amount) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot refund ${amount}: ${refunded} of ${data.amount} ${data.currency_code.toUpperCase()} was already refunded`,
      )
    }
    const refund: CodRefund = {
      amount,
      refunded_at: new Date().toISOString(),
      ...(refundId ? { refund_id: refundId } : {}),
    }
    return { data: { ...data, refunds: [...refunds, refund] } }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: codStatus(input.data), data: input.data ?? {} }
  }

  /** Cash has no third party to send webhooks. */
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"],
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
