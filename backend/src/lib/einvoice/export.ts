/** A month of a seller's invoices as one ZIP: each invoice's XML and an XLSX summary. */
import ExcelJS from "exceljs"
import JSZip from "jszip"
import type { InvoiceData } from "./invoice"
import { invoiceFileName, invoiceXml } from "./xml"

export interface StoredInvoice {
  data: unknown
  adjustment_note: string | null
}

export const SUMMARY_COLUMNS = [
  { header: "Mẫu số / Form", key: "form", width: 8 },
  { header: "Ký hiệu / Series", key: "series", width: 10 },
  { header: "Số / Number", key: "number", width: 8 },
  { header: "Ngày / Date", key: "issued_on", width: 12 },
  { header: "Mã đơn / Order", key: "reference", width: 12 },
  { header: "Người mua / Buyer", key: "buyer", width: 28 },
  { header: "Thanh toán / Payment", key: "payment", width: 14 },
  { header: "Trước thuế / Before VAT", key: "net", width: 14 },
  { header: "Thuế GTGT / VAT", key: "vat", width: 12 },
  { header: "Tổng cộng / Total", key: "total", width: 14 },
  { header: "Điều chỉnh / Adjustment", key: "adjustment", width: 40 },
] as const

export async function summaryXlsx(period: string, invoices: StoredInvoice[]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(`Hóa đơn ${period}`)
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ ...c }))
  for (const invoice of invoices) {
    const data = invoice.data as InvoiceData
    sheet.addRow({
      form: data.form,
      series: data.series,
      number: data.number,
      issued_on: data.issued_on,
      reference: data.reference,
      buyer: data.buyer.name,
      payment: data.payment_method,
      net: data.total_net,
      vat: data.total_vat,
      total: data.total,
      adjustment: invoice.adjustment_note ?? "",
    })
  }
  const sum = (key: "total_net" | "total_vat" | "total") =>
    invoices.reduce((s, i) => s + (i.data as InvoiceData)[key], 0)
  sheet.addRow({
    buyer: "Tổng / Total",
    net: sum("total_net"),
    vat: sum("total_vat"),
    total: sum("total"),
  })
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const periodZipName = (period: string) => `hoa-don-${period}.zip`
export const summaryName = (period: string) => `tong-hop-hoa-don-${period}.xlsx`

export async function periodZip(period: string, invoices: StoredInvoice[]) {
  const zip = new JSZip()
  for (const invoice of invoices) {
    const data = invoice.data as InvoiceData
    zip.file(invoiceFileName(data), invoiceXml(data))
  }
  zip.file(summaryName(period), await summaryXlsx(period, invoices))
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
}
