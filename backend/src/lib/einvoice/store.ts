/**
 * Makes and reads the sellers' stored invoices (modules/checkout SellerInvoice). Invoices are made
 * lazily, whenever the seller's invoices are read: every part of the seller that is paid
 * (`payment_status` captured: cash on delivery once delivered, VietQR once confirmed, card once
 * captured) and has no invoice yet gets one, in the order the parts were paid, numbered after
 * the last number of the seller's current series. One part, one invoice (a unique index), so the
 * number is stable; a part refunded or cancelled afterwards keeps its invoice with an adjustment
 * note, and a part refunded before any invoice was made never gets one.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"
import { rowsOf } from "../query-rows"
import {
  buildInvoice,
  DEFAULT_VAT_RATE,
  type InvoiceData,
  type InvoiceInputLine,
  isVatRate,
  shippingRate,
  splitSeries,
  type VatRate,
  vietnamDay,
} from "./invoice"

type Part = Awaited<ReturnType<CheckoutModuleService["listOrderParts"]>>[number]
type Seller = Awaited<ReturnType<SellerModuleService["retrieveSeller"]>>

/** A part's order as invoiceLines selects it. */
interface InvoiceOrderRow {
  id: string
  email: string | null
  shipping_address: {
    first_name?: string | null
    last_name?: string | null
    address_1?: string | null
    address_2?: string | null
    city?: string | null
    province?: string | null
    phone?: string | null
  } | null
  items: {
    id: string
    created_at: Date | string | null
    title: string
    product_id: string | null
    product_title: string | null
    product_handle: string | null
    variant_title: string | null
    variant_sku: string | null
    quantity: unknown
    unit_price: unknown
    total: unknown
  }[]
  shipping_methods: { name: string; amount: unknown }[]
}

type ProductMetadataRow = { id: string; metadata: Record<string, unknown> | null }

export const SHIPPING_LINE = "Phí vận chuyển"

/** What a seller still has to set before its invoices can be made. */
export function missingInvoiceSettings(seller: {
  tax_code?: string | null
  invoice_series?: string | null
}) {
  return (["tax_code", "invoice_series"] as const).filter((key) => !seller[key])
}

/** The VAT rate and invoice unit a seller chose for a product (metadata), with their defaults. */
export function productInvoiceFields(metadata: Record<string, unknown> | null | undefined) {
  const rate = metadata?.vat_rate
  const unit = metadata?.invoice_unit
  return {
    vat_rate: (isVatRate(rate) ? rate : DEFAULT_VAT_RATE) as VatRate,
    invoice_unit: typeof unit === "string" && unit.trim() ? unit.trim() : null,
  }
}

const adjustmentNote = (part: Part) => {
  const day = vietnamDay(new Date(part.canceled_at ?? part.updated_at)).day
  return `Đơn ${part.reference} đã hủy và hoàn tiền ngày ${day}: cần lập hóa đơn điều chỉnh hoặc thay thế qua nhà cung cấp hóa đơn điện tử (Nghị định 123/2020/NĐ-CP, Điều 19).`
}

/** The invoice lines of one part's Medusa order: its items, then its shipping. */
async function invoiceLines(container: MedusaContainer, partOrderIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orders = rowsOf<InvoiceOrderRow>(
    await query.graph({
      entity: "order",
      fields: [
        "id",
        "email",
        "shipping_address.*",
        // Without "items.*" the graph leaves out the items' quantity (it lives on the order item).
        "items.*",
        "items.id",
        "items.created_at",
        "items.title",
        "items.product_id",
        "items.product_title",
        "items.product_handle",
        "items.variant_title",
        "items.variant_sku",
        "items.quantity",
        "items.unit_price",
        "items.total",
        "shipping_methods.name",
        "shipping_methods.amount",
      ],
      filters: { id: partOrderIds },
    }),
  )
  const productIds = [
    ...new Set(orders.flatMap((o) => (o.items ?? []).map((i) => i.product_id))),
  ].filter((id): id is string => Boolean(id))
  const products = productIds.length
    ? rowsOf<ProductMetadataRow>(
        await query.graph({
          entity: "product",
          fields: ["id", "metadata"],
          filters: { id: productIds },
        }),
      )
    : []
  const productById = new Map(products.map((p) => [p.id, p]))
  const byOrder = new Map<string, { order: InvoiceOrderRow; lines: InvoiceInputLine[] }>()
  for (const order of orders) {
    // The graph gives items in no set order: lines follow the order's own (created first, then
    // by name), so an invoice's XML is the same document however often it is rendered.
    const items = [...(order.items ?? [])].sort(
      (x, y) =>
        new Date(x.created_at ?? 0).getTime() - new Date(y.created_at ?? 0).getTime() ||
        String(x.product_title ?? x.title ?? "").localeCompare(
          String(y.product_title ?? y.title ?? ""),
          "vi",
        ) ||
        String(x.id).localeCompare(String(y.id)),
    )
    const lines: InvoiceInputLine[] = items.map((item) => {
      const fields = productInvoiceFields(productById.get(item.product_id ?? "")?.metadata)
      const quantity = toNumber(item.quantity)
      const total = toNumber(item.total)
      return {
        code: item.variant_sku || item.product_handle || null,
        name: item.product_title ?? item.title,
        unit: fields.invoice_unit ?? item.variant_title ?? "cái",
        quantity,
        amount: Math.round(Number.isFinite(total) ? total : toNumber(item.unit_price) * quantity),
        vat_rate: fields.vat_rate,
      }
    })
    const shipping = order.shipping_methods?.[0]
    const shippingAmount = Math.round(toNumber(shipping?.amount ?? 0))
    if (shipping && shippingAmount > 0) {
      lines.push({
        code: null,
        name: `${SHIPPING_LINE} (${shipping.name})`,
        unit: "lần",
        quantity: 1,
        amount: shippingAmount,
        vat_rate: shippingRate(lines.map((l) => l.vat_rate)),
      })
    }
    byOrder.set(order.id, { order, lines })
  }
  return byOrder
}

function buyerOf(order: Partial<InvoiceOrderRow>) {
  const a: NonNullable<InvoiceOrderRow["shipping_address"]> = order.shipping_address ?? {}
  const name = [a.first_name, a.last_name].filter(Boolean).join(" ").trim()
  return {
    name: name || order.email || "Người mua không lấy hóa đơn",
    address: [a.address_1, a.address_2, a.city, a.province].filter(Boolean).join(", ") || null,
    phone: a.phone ?? null,
    email: order.email ?? null,
  }
}

/** A money or quantity field of a query row: a number, a numeric string or Medusa's BigNumber. */
function toNumber(value: unknown): number {
  if (value === null || value === undefined) return Number.NaN
  if (typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return Number(v.numeric ?? v.value)
  }
  return Number(value)
}

/** Weighing states in which a part's amount is not final yet (docs/checkout.md). */
const AWAITING_WEIGHING = new Set(["required", "contact_buyer"])

const isUniqueViolation = (error: unknown) =>
  /duplicate key|unique constraint|already exists/i.test(String((error as Error)?.message))

/**
 * Makes the invoices the seller's paid parts still lack and notes the adjustments refunds call
 * for. Returns the settings still missing (then nothing is made). Safe to run concurrently: a
 * request that loses the race to a number or a part reads again and carries on.
 */
export async function ensureSellerInvoices(container: MedusaContainer, sellerId: string) {
  const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
  const seller = await sellers.retrieveSeller(sellerId)
  const missing = missingInvoiceSettings(seller)
  if (missing.length) return { missing }
  for (let attempt = 0; ; attempt++) {
    try {
      await makeInvoices(container, seller)
      return { missing }
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error
    }
  }
}

async function makeInvoices(container: MedusaContainer, seller: Seller) {
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const [parts, invoices] = await Promise.all([
    checkout.listOrderParts(
      { seller_id: seller.id, payment_status: ["captured", "refunded"] },
      { order: { captured_at: "ASC" } },
    ),
    checkout.listSellerInvoices(
      { seller_id: seller.id },
      { select: ["id", "order_part_id", "series", "number", "adjustment_note"] },
    ),
  ])
  const invoiced = new Map(invoices.map((i) => [i.order_part_id, i]))

  const adjustments = parts
    .filter((p) => p.payment_status === "refunded")
    .map((p) => ({ part: p, invoice: invoiced.get(p.id) }))
    .filter(({ invoice }) => invoice && !invoice.adjustment_note)
  if (adjustments.length) {
    await checkout.updateSellerInvoices(
      adjustments.map(({ part, invoice }) => ({
        id: invoice!.id,
        adjustment_note: adjustmentNote(part),
        adjusted_at: new Date(),
      })),
    )
  }

  // A part paid before its produce is weighed (a VietQR transfer) is invoiced once weighed and
  // settled, for what it actually costs: its order's lines carry the weighed prices by then.
  const due = parts.filter(
    (p) =>
      p.payment_status === "captured" &&
      p.captured_at &&
      !AWAITING_WEIGHING.has(p.weighing) &&
      !invoiced.has(p.id),
  )
  if (!due.length) return
  // Both set: ensureSellerInvoices makes nothing while missingInvoiceSettings names one.
  const invoiceSeries = seller.invoice_series!
  const { form, series } = splitSeries(invoiceSeries, seller.kind)
  let last = invoices
    .filter((i) => i.series === invoiceSeries)
    .reduce((max, i) => Math.max(max, i.number), 0)
  const lines = await invoiceLines(
    container,
    due.map((p) => p.part_order_id),
  )
  const rows = due.map((part) => {
    const { order, lines: partLines } = lines.get(part.part_order_id) ?? { order: {}, lines: [] }
    const { day, period } = vietnamDay(new Date(part.captured_at!))
    const data: InvoiceData = buildInvoice({
      form,
      series,
      number: ++last,
      issued_on: day,
      payment_method: part.payment_method,
      reference: part.reference,
      seller: {
        name: seller.name,
        tax_code: seller.tax_code,
        address: seller.address,
        phone: seller.phone,
        email: seller.email,
      },
      buyer: buyerOf(order),
      lines: partLines,
    })
    return {
      seller_id: seller.id,
      order_part_id: part.id,
      series: invoiceSeries,
      number: data.number,
      period,
      issued_on: day,
      data,
    }
  })
  await checkout.createSellerInvoices(rows)
}

/** An invoice as the seller's API lists it. */
export function invoiceSummary(invoice: {
  id: string
  order_part_id: string
  period: string
  adjustment_note: string | null
  adjusted_at: Date | string | null
  data: unknown
}) {
  const data = invoice.data as InvoiceData
  return {
    id: invoice.id,
    order_part_id: invoice.order_part_id,
    period: invoice.period,
    form: data.form,
    series: data.series,
    number: data.number,
    issued_on: data.issued_on,
    reference: data.reference,
    buyer_name: data.buyer.name,
    payment_method: data.payment_method,
    total_net: data.total_net,
    total_vat: data.total_vat,
    total: data.total,
    total_in_words: data.total_in_words,
    adjustment_note: invoice.adjustment_note,
    adjusted_at: invoice.adjusted_at,
  }
}
