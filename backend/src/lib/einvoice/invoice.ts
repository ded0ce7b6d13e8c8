/**
 * A seller part's e-invoice data, in the layout of the General Department of Taxation's XML
 * standard for e-invoices (Decree 123/2020/ND-CP, Circular 78/2021/TT-BTC, data format of
 * Decision 1450/QD-TCT): built from the part once it is paid, stored as a snapshot (so the number,
 * date and amounts never move), rendered as XML by ./xml.ts. Unsigned: the seller's e-invoice
 * provider signs it and sends it to the tax authority. See docs/invoices.md.
 *
 * Prices in the shop include VAT (Vietnamese retail prices are quoted tax-included), so each
 * line's pre-tax amount is its paid amount divided by (1 + rate), rounded to the dong, and the
 * tax is the rest: every line, and so every total, adds up exactly to what the buyer paid.
 */

import { VIETNAM_OFFSET_MS, vietnamToday } from "@coop/contracts/quarters"
import { vndInWords } from "./words"

/** VAT rates a seller can choose per product; "KCT": not subject to VAT (unprocessed farm produce). */
export const VAT_RATES = ["KCT", "0%", "5%", "8%", "10%"] as const
export type VatRate = (typeof VAT_RATES)[number]
export const DEFAULT_VAT_RATE: VatRate = "KCT"

export const isVatRate = (value: unknown): value is VatRate =>
  typeof value === "string" && (VAT_RATES as readonly string[]).includes(value)

/** Tax code (MST): 10 digits, or 10 digits, "-" and 3 for a branch / dependent unit. */
export const TAX_CODE = /^[0-9]{10}(-[0-9]{3})?$/

/**
 * Invoice series per Circular 78/2021 art. 4: an optional form digit (KHMSHDon: 1 VAT invoice,
 * 2 sales invoice, ... 6), then the 6-character series (KHHDon): C (with the tax authority's
 * code) or K (without), the year's two digits, the type letter (T, D, L, M, N, B, G, H, X) and
 * two capital letters the seller chooses. "1C26TAA", or "C26TAA".
 */
export const INVOICE_SERIES = /^[1-6]?[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}$/

/**
 * The form number and series of a stored setting. A 6-character series has no form digit: a
 * cooperative (VAT declared by deduction) issues VAT invoices (1), a household sales invoices (2).
 */
export function splitSeries(series: string, kind: "cooperative" | "household") {
  return series.length === 7
    ? { form: series[0]!, series: series.slice(1) }
    : { form: kind === "household" ? "2" : "1", series }
}

export interface InvoiceParty {
  name: string
  tax_code?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
}

export interface InvoiceInputLine {
  code?: string | null
  name: string
  unit: string
  quantity: number
  /** What the buyer paid for the line, VAT included, whole dong. */
  amount: number
  vat_rate: VatRate
}

export interface InvoiceLine {
  /** STT */
  no: number
  code: string | null
  name: string
  unit: string
  quantity: number
  /** DGia: the unit price before VAT (a decimal when the pre-tax amount does not divide). */
  unit_price: number
  /** ThTien: the line before VAT, whole dong. */
  net: number
  /** TSuat; null on a sales invoice (form 2), which carries no VAT. */
  vat_rate: VatRate | null
  /** The VAT on the line, whole dong (not an element of HHDVu; summed per rate in LTSuat). */
  vat: number
}

export interface InvoiceRateTotal {
  vat_rate: VatRate
  net: number
  vat: number
}

/** A type, not an interface: it is stored as it is in a JSON column (Record<string, unknown>). */
export type InvoiceData = {
  form: string
  series: string
  number: number
  /** NLap, "YYYY-MM-DD" in Vietnam. */
  issued_on: string
  currency: "VND"
  payment_method: string
  /** The part's reference ("DH1043"), carried as other information. */
  reference: string
  seller: InvoiceParty
  buyer: InvoiceParty
  lines: InvoiceLine[]
  rates: InvoiceRateTotal[]
  /** TgTCThue, TgTThue, TgTTTBSo, TgTTTBChu */
  total_net: number
  total_vat: number
  total: number
  total_in_words: string
}

const PAYMENT_METHODS: Record<string, string> = {
  cod: "Tiền mặt",
  vietqr: "Chuyển khoản",
  card: "Thẻ",
}

export const paymentMethodText = (method: string) => PAYMENT_METHODS[method] ?? "TM/CK"

const percent = (rate: VatRate) => (rate === "KCT" ? 0 : Number(rate.slice(0, -1)))

/** Splits a VAT-included amount into its pre-tax part and its tax, both whole dong. */
export function splitVat(amount: number, rate: VatRate | null) {
  const p = rate ? percent(rate) : 0
  const net = Math.round((amount * 100) / (100 + p))
  return { net, vat: amount - net }
}

/** The invoice of a paid part: lines with their VAT, totals per rate and overall, in words. */
export function buildInvoice(input: {
  form: string
  series: string
  number: number
  issued_on: string
  payment_method: string
  reference: string
  seller: InvoiceParty
  buyer: InvoiceParty
  lines: InvoiceInputLine[]
}): InvoiceData {
  const withVat = input.form === "1"
  const lines: InvoiceLine[] = input.lines.map((line, i) => {
    const rate = withVat ? line.vat_rate : null
    const { net, vat } = splitVat(line.amount, rate)
    return {
      no: i + 1,
      code: line.code ?? null,
      name: line.name,
      unit: line.unit,
      quantity: line.quantity,
      unit_price: Math.round((net / line.quantity) * 100) / 100,
      net,
      vat_rate: rate,
      vat,
    }
  })
  const rates: InvoiceRateTotal[] = []
  for (const line of lines) {
    if (!line.vat_rate) continue
    let total = rates.find((r) => r.vat_rate === line.vat_rate)
    if (!total) {
      total = { vat_rate: line.vat_rate, net: 0, vat: 0 }
      rates.push(total)
    }
    total.net += line.net
    total.vat += line.vat
  }
  rates.sort((a, b) => VAT_RATES.indexOf(a.vat_rate) - VAT_RATES.indexOf(b.vat_rate))
  const total_net = lines.reduce((s, l) => s + l.net, 0)
  const total_vat = lines.reduce((s, l) => s + l.vat, 0)
  const total = total_net + total_vat
  return {
    form: input.form,
    series: input.series,
    number: input.number,
    issued_on: input.issued_on,
    currency: "VND",
    payment_method: paymentMethodText(input.payment_method),
    reference: input.reference,
    seller: input.seller,
    buyer: input.buyer,
    lines,
    rates,
    total_net,
    total_vat,
    total,
    total_in_words: vndInWords(total),
  }
}

/**
 * The rate of the shipping line: delivery sold with the goods follows them, so it takes the
 * goods' rate when they share one, and the highest of their rates otherwise.
 */
export function shippingRate(rates: VatRate[]): VatRate {
  if (!rates.length) return DEFAULT_VAT_RATE
  return rates.reduce((a, b) => (VAT_RATES.indexOf(b) > VAT_RATES.indexOf(a) ? b : a))
}

/** "2026-12" → its first instant and the next month's, in Vietnam time; null if not a month. */
export function periodBounds(period: string) {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  return {
    from: new Date(Date.UTC(year, month - 1, 1) - VIETNAM_OFFSET_MS),
    to: new Date(Date.UTC(year, month, 1) - VIETNAM_OFFSET_MS),
  }
}

/** The invoice period ("YYYY-MM") and date ("YYYY-MM-DD") of an instant, in Vietnam. */
export function vietnamDay(at: Date) {
  const day = vietnamToday(at)
  return { day, period: day.slice(0, 7) }
}
