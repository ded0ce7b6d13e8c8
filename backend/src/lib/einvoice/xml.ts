/**
 * Renders an invoice snapshot (./invoice.ts) as the tax authority's e-invoice XML (HDon), in the
 * element names of Decision 1450/QD-TCT. The signature block (DSCKS) is left empty: the seller's
 * e-invoice provider signs the DLHDon element and transmits the invoice.
 */
import type { InvoiceData, InvoiceParty } from "./invoice"

const escapeXml = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot carry at all.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")

type Node = [string, (string | number | null | undefined) | Node[]]

function render(nodes: Node[], depth: number): string {
  const pad = "  ".repeat(depth)
  return nodes
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([name, value]) =>
      Array.isArray(value)
        ? `${pad}<${name}>\n${render(value, depth + 1)}\n${pad}</${name}>`
        : `${pad}<${name}>${escapeXml(String(value))}</${name}>`,
    )
    .join("\n")
}

const party = (p: InvoiceParty, buyer: boolean): Node[] => [
  ["Ten", p.name],
  ["MST", p.tax_code],
  ["DChi", p.address],
  ...(buyer ? ([["HVTNMHang", p.name]] as Node[]) : []),
  ["SDThoai", p.phone],
  ["DCTDTu", p.email],
]

export const invoiceTitle = (form: string) =>
  form === "1" ? "HÓA ĐƠN GIÁ TRỊ GIA TĂNG" : "HÓA ĐƠN BÁN HÀNG"

/** The invoice as an XML document (UTF-8). */
export function invoiceXml(invoice: InvoiceData): string {
  const general: Node[] = [
    ["PBan", "2.1.0"],
    ["THDon", invoiceTitle(invoice.form)],
    ["KHMSHDon", invoice.form],
    ["KHHDon", invoice.series],
    ["SHDon", invoice.number],
    ["NLap", invoice.issued_on],
    ["DVTTe", invoice.currency],
    ["TGia", 1],
    ["HTTToan", invoice.payment_method],
    [
      "TTKhac",
      [
        [
          "TTin",
          [
            ["TTruong", "Mã đơn hàng"],
            ["KDLieu", "string"],
            ["DLieu", invoice.reference],
          ],
        ],
      ],
    ],
  ]
  const lines: Node[] = invoice.lines.map((line) => [
    "HHDVu",
    [
      ["TChat", 1],
      ["STT", line.no],
      ["MHHDVu", line.code],
      ["THHDVu", line.name],
      ["DVTinh", line.unit],
      ["SLuong", line.quantity],
      ["DGia", line.unit_price],
      ["ThTien", line.net],
      ["TSuat", line.vat_rate],
    ],
  ])
  const totals: Node[] = [
    ...(invoice.rates.length
      ? ([
          [
            "THTTLTSuat",
            invoice.rates.map(
              (r): Node => [
                "LTSuat",
                [
                  ["TSuat", r.vat_rate],
                  ["ThTien", r.net],
                  ["TThue", r.vat],
                ],
              ],
            ),
          ],
        ] as Node[])
      : []),
    ["TgTCThue", invoice.total_net],
    ["TgTThue", invoice.rates.length ? invoice.total_vat : null],
    ["TgTTTBSo", invoice.total],
    ["TgTTTBChu", invoice.total_in_words],
  ]
  const doc: Node[] = [
    [
      "HDon",
      [
        [
          "DLHDon",
          [
            ["TTChung", general],
            [
              "NDHDon",
              [
                ["NBan", party(invoice.seller, false)],
                ["NMua", party(invoice.buyer, true)],
                ["DSHHDVu", lines],
                ["TToan", totals],
              ],
            ],
          ],
        ],
      ],
    ],
  ]
  // DLHDon carries the Id the provider's signature references; DSCKS awaits that signature.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(doc, 0)
    .replace("<DLHDon>", `<DLHDon Id="${escapeXml(`${invoice.series}-${invoice.number}`)}">`)
    .replace(/<\/HDon>$/, "  <DSCKS>\n    <NBan/>\n  </DSCKS>\n</HDon>")}\n`
}

/** The file name of an invoice: form, series and zero-padded number, e.g. "1C26TAA-00000001.xml". */
export const invoiceFileName = (invoice: Pick<InvoiceData, "form" | "series" | "number">) =>
  `${invoice.form}${invoice.series}-${String(invoice.number).padStart(8, "0")}.xml`
