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
 * VietQR bank transfer, paid straight to each seller's own account (the platform never holds
 * the buyer's money). Medusa's view of one payment:
 *
 * - initiate: a session { status: "pending", amount, currency_code } (VND only);
 * - authorize: as soon as the order is placed. The order exists, the transfer is awaited
 *   (`transfer_status: "awaiting"`); the storefront shows one QR per seller part (vietQrForPart);
 * - capture: when the money is confirmed, by the seller confirming receipt or by a signed bank
 *   notification (`captured_at`, `transfer_status: "received"`). Capturing again (e.g. one
 *   partial capture per seller part) keeps the first `captured_at`;
 * - cancel: before capture only (`canceled_at`);
 * - refund: the seller returns the money by bank transfer; the platform only records it in
 *   `refunds`.
 *
 * Registered as `{ resolve: "./src/modules/vietqr", id: "vietqr" }` among the payment module's
 * providers, its id is `pp_vietqr_vietqr`. No options.
 */

export type VietQrTransferStatus = "awaiting" | "received" | "canceled"

export type VietQrRefund = {
  amount: number
  refunded_at: string
  /** Medusa's refund id (the idempotency key), so a retried refund is recorded once. */
  refund_id?: string
}

/** The provider's part of a session's / payment's `data`. */
export type VietQrPaymentData = {
  status: "pending" | "authorized" | "captured" | "canceled"
  amount: number
  currency_code: string
  transfer_status?: VietQrTransferStatus
  authorized_at?: string
  captured_at?: string
  canceled_at?: string
  refunds?: VietQrRefund[]
}

export type VietQrProviderOptions = Record<string, unknown>

export const VIETQR_PROVIDER_IDENTIFIER = "vietqr"
export const VIETQR_PROVIDER_ID = "pp_vietqr_vietqr"

/** Turns Medusa's amount (number, string, BigNumber or raw value) into a number. */
export function toAmount(value: unknown, what: string): number {
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
      `VietQR bank transfers are in Vietnamese dong (VND) only, not "${String(currency)}"`,
    )
  }
  return code
}

function readData(data: Record<string, unknown> | undefined): VietQrPaymentData {
  const d = (data ?? {}) as Partial<VietQrPaymentData>
  if (typeof d.amount !== "number" || typeof d.currency_code !== "string") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "VietQR payment data has no amount or currency; was the session initiated by this provider?",
    )
  }
  return d as VietQrPaymentData
}

/** Medusa's status of a VietQR session or payment, from its data. */
export function vietQrStatus(data: Record<string, unknown> | undefined): PaymentSessionStatus {
  const d = (data ?? {}) as Partial<VietQrPaymentData>
  if (d.canceled_at) return "canceled"
  if (d.captured_at) return "captured"
  if (d.authorized_at) return "authorized"
  return "pending"
}

export default class VietQrProviderService extends AbstractPaymentProvider<VietQrProviderOptions> {
  static identifier = VIETQR_PROVIDER_IDENTIFIER

  // Public, so the provider can be built directly (tests); the base constructor is protected.
  constructor(container: Record<string, unknown>, options: VietQrProviderOptions = {}) {
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
    const data: VietQrPaymentData = { status: "pending", amount, currency_code }
    return {
      id: `vqr_${randomBytes(12).toString("hex")}`,
      data,
      status: "pending",
    }
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
    return { data, status: vietQrStatus(data) }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = readData(input.data)
    requireVnd(data.currency_code)
    if (data.canceled_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This VietQR payment was canceled")
    }
    if (data.captured_at || data.authorized_at) return { data, status: vietQrStatus(data) }
    return {
      data: {
        ...data,
        status: "authorized",
        transfer_status: "awaiting",
        authorized_at: new Date().toISOString(),
      } satisfies VietQrPaymentData,
      status: "authorized",
    }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = readData(input.data)
    if (data.canceled_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A canceled VietQR payment cannot be captured",
      )
    }
    if (data.captured_at) return { data }
    return {
      data: {
        ...data,
        status: "captured",
        transfer_status: "received",
        captured_at: new Date().toISOString(),
      } satisfies VietQrPaymentData,
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = readData(input.data)
    if (data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The transfer was already received; refund it instead of canceling",
      )
    }
    if (data.canceled_at) return { data }
    return {
      data: {
        ...data,
        status: "canceled",
        transfer_status: "canceled",
        canceled_at: new Date().toISOString(),
      } satisfies VietQrPaymentData,
    }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = readData(input.data)
    if (!data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Only a received transfer can be refunded; cancel the payment instead",
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
    const refund: VietQrRefund = {
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
    return { status: vietQrStatus(input.data), data: input.data ?? {} }
  }

  /**
   * Not used: a bank notification confirms the transfer for ONE seller part of an order (each
   * seller is paid to their own account), not a whole Medusa payment, so the platform verifies
   * and matches those notifications in its own route (see bank-notification.ts) and captures
   * from there, instead of through Medusa's /hooks/payment/vietqr_vietqr.
   */
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"],
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
