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
 * A Medusa payment provider that only records a payment made outside the platform (cash on
 * delivery, a VietQR bank transfer to the seller): no gateway, no options, VND only. Medusa's view
 * of one payment:
 *
 * - initiate: a session { status: "pending", amount, currency_code };
 * - authorize: at once, when the order is placed (`authorized_at`, the settlement field set to
 *   its `authorized` value: the money is awaited);
 * - capture: when the money is confirmed (`captured_at`, settlement `captured`); capturing again
 *   keeps the first `captured_at`;
 * - cancel: before capture only (`canceled_at`, settlement `canceled`);
 * - refund: records money handed back in `refunds`, once per Medusa refund id.
 *
 * A provider subclasses it with its `static identifier` and its `offline` settings (what
 * differs: the session id prefix, the settlement field and its values, the wording of messages).
 */

export type OfflineRefund = {
  amount: number
  refunded_at: string
  /** Medusa's refund id (the idempotency key), so a retried refund is recorded once. */
  refund_id?: string
}

/** What every offline provider keeps in a session's / payment's `data`. */
export type OfflinePaymentBase = {
  status: "pending" | "authorized" | "captured" | "canceled"
  amount: number
  currency_code: string
  authorized_at?: string
  captured_at?: string
  canceled_at?: string
  refunds?: OfflineRefund[]
}

/** A provider's `data`: the common part plus its settlement field, e.g. `transfer_status`. */
export type OfflinePaymentData<
  Field extends string,
  Settlement extends string,
> = OfflinePaymentBase & { [K in Field]?: Settlement }

export type OfflineProviderOptions = Record<string, unknown>

/** What differs between offline providers. */
export type OfflineProviderSettings<Field extends string, Settlement extends string> = {
  /** Prefix of session ids, e.g. "cod_". */
  sessionIdPrefix: string
  /** The `data` field that says where the money is, e.g. "collection_status". */
  settlementField: Field
  /** Its value once authorized, captured or canceled. */
  settlement: Record<"authorized" | "captured" | "canceled", Settlement>
  /**
   * The payment's name in a sentence, e.g. "cash-on-delivery" ("This … payment was canceled"),
   * capitalised where it starts one ("Cash-on-delivery payment data has no amount …").
   */
  name: string
  /** Starts the VND-only message, e.g. "Cash on delivery is collected" (… "in Vietnamese dong"). */
  vndOnly: string
  /** Why a captured payment cannot be canceled, e.g. "The cash was already collected". */
  alreadyCaptured: string
  /** What can be refunded, e.g. "collected cash" ("Only … can be refunded"). */
  refundable: string
}

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

function nonNegativeAmount(value: unknown): number {
  const amount = toAmount(value, "Amount")
  if (amount < 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Amount must not be negative: ${amount}`)
  }
  return amount
}

/** Medusa's status of an offline session or payment, from its data. */
export function offlinePaymentStatus(
  data: Record<string, unknown> | undefined,
): PaymentSessionStatus {
  const d = (data ?? {}) as Partial<OfflinePaymentBase>
  if (d.canceled_at) return "canceled"
  if (d.captured_at) return "captured"
  if (d.authorized_at) return "authorized"
  return "pending"
}

export abstract class OfflinePaymentProvider<
  Field extends string = string,
  Settlement extends string = string,
> extends AbstractPaymentProvider<OfflineProviderOptions> {
  protected abstract readonly offline: OfflineProviderSettings<Field, Settlement>

  // Public, so the provider can be built directly (tests); the base constructor is protected.
  constructor(container: Record<string, unknown>, options: OfflineProviderOptions = {}) {
    super(container, options)
  }

  private requireVnd(currency: unknown): string {
    const code = typeof currency === "string" ? currency.toLowerCase() : ""
    if (code !== "vnd") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${this.offline.vndOnly} in Vietnamese dong (VND) only, not "${String(currency)}"`,
      )
    }
    return code
  }

  private readData(data: Record<string, unknown> | undefined): OfflinePaymentBase {
    const d = (data ?? {}) as Partial<OfflinePaymentBase>
    if (typeof d.amount !== "number" || typeof d.currency_code !== "string") {
      const name = this.offline.name
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${name.charAt(0).toUpperCase()}${name.slice(1)} payment data has no amount or currency; was the session initiated by this provider?`,
      )
    }
    return d as OfflinePaymentBase
  }

  /** The data moved to `status`, with the settlement field and the time stamp it calls for. */
  private moveTo(
    data: OfflinePaymentBase,
    status: "authorized" | "captured" | "canceled",
    stamp: "authorized_at" | "captured_at" | "canceled_at",
  ): Record<string, unknown> {
    return {
      ...data,
      status,
      [this.offline.settlementField]: this.offline.settlement[status],
      [stamp]: new Date().toISOString(),
    }
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const currency_code = this.requireVnd(input.currency_code)
    const amount = nonNegativeAmount(input.amount)
    const data: OfflinePaymentBase = { status: "pending", amount, currency_code }
    return {
      id: `${this.offline.sessionIdPrefix}${randomBytes(12).toString("hex")}`,
      data,
      status: "pending",
    }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const currency_code = this.requireVnd(input.currency_code)
    const amount = nonNegativeAmount(input.amount)
    const data = { ...(input.data ?? {}), amount, currency_code }
    return { data, status: offlinePaymentStatus(data) }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const data = this.readData(input.data)
    this.requireVnd(data.currency_code)
    if (data.canceled_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `This ${this.offline.name} payment was canceled`,
      )
    }
    if (data.captured_at || data.authorized_at) return { data, status: offlinePaymentStatus(data) }
    return { data: this.moveTo(data, "authorized", "authorized_at"), status: "authorized" }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const data = this.readData(input.data)
    if (data.canceled_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `A canceled ${this.offline.name} payment cannot be captured`,
      )
    }
    if (data.captured_at) return { data }
    return { data: this.moveTo(data, "captured", "captured_at") }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = this.readData(input.data)
    if (data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${this.offline.alreadyCaptured}; refund it instead of canceling`,
      )
    }
    if (data.canceled_at) return { data }
    return { data: this.moveTo(data, "canceled", "canceled_at") }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = this.readData(input.data)
    if (!data.captured_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Only ${this.offline.refundable} can be refunded; cancel the payment instead`,
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
    const refund: OfflineRefund = {
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
    return { status: offlinePaymentStatus(input.data), data: input.data ?? {} }
  }

  /** Not supported: no third party reports these payments to Medusa (see each provider). */
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"],
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}
