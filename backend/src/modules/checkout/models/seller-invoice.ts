import { model } from "@medusajs/framework/utils"

/**
 * The e-invoice data of one paid seller part (src/lib/einvoice): one per part, numbered in the
 * seller's series when the part is first found paid, and kept as a snapshot so its number, date
 * and amounts never change. A part cancelled or refunded after its invoice was made keeps the
 * invoice and gets an adjustment note: the seller's e-invoice provider adjusts or replaces it.
 */
export const SellerInvoice = model
  .define("seller_invoice", {
    id: model.id({ prefix: "sinv" }).primaryKey(),
    seller_id: model.text(),
    order_part_id: model.text().unique(),
    // The series as the seller set it ("1C26TAA"), and the number within it (SHDon).
    series: model.text(),
    number: model.number(),
    // "YYYY-MM" in Vietnam, of the day the part was paid (the invoice date, NLap).
    period: model.text(),
    issued_on: model.text(),
    // The whole invoice snapshot (src/lib/einvoice/invoice.ts InvoiceData).
    data: model.json(),
    adjustment_note: model.text().nullable(),
    adjusted_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["seller_id", "period"] },
    { on: ["seller_id", "series", "number"], unique: true },
  ])
