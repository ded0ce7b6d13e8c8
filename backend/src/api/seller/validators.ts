import { z } from "zod"
import { INVOICE_SERIES, TAX_CODE, VAT_RATES } from "../../lib/einvoice/invoice"
import { SoldByWeightInput } from "../../lib/sold-by-weight"
import { communeCode, imageUrl, Pagination, phone } from "../utils/fields"

const handle = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang|Use lowercase letters, digits and hyphens",
  )
  .max(60)

/** Whole dong only: VND has no minor unit, and Medusa would store 185000.55 as given. */
export const vnd = z
  .number()
  .int("Giá phải là số đồng nguyên, không có phần lẻ|Prices are whole dong: no fractions")
  .min(0)
  .max(1_000_000_000)

export const SellerProfile = z.strictObject({
  name: z.string().trim().min(2).max(200),
  handle: handle.optional(),
  kind: z.enum(["cooperative", "household"]),
  tax_code: z
    .string()
    .trim()
    .regex(
      TAX_CODE,
      "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số cho chi nhánh|A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch",
    )
    .optional(),
  // E-invoice series per Circular 78/2021: "1C26TAA" (form digit + series) or "C26TAA".
  invoice_series: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      INVOICE_SERIES,
      "Ký hiệu hóa đơn theo Thông tư 78/2021, ví dụ 1C26TAA: số mẫu (1-6), C hoặc K, 2 số năm, loại (T, D, L, M, N, B, G, H, X) và 2 chữ cái|The invoice series per Circular 78/2021, e.g. 1C26TAA: form digit (1-6), C or K, the year's 2 digits, type (T, D, L, M, N, B, G, H, X) and 2 letters",
    )
    .optional(),
  commune_code: communeCode,
  village_code: z.string().max(40).optional(),
  address: z.string().trim().min(3).max(300),
  phone,
  email: z.email().optional(),
  description: z.string().max(4000).optional(),
  logo_url: imageUrl.optional(),
  bank_bin: z
    .string()
    .regex(/^[0-9]{6}$/, "Mã BIN ngân hàng gồm 6 chữ số|A bank BIN has 6 digits")
    .optional(),
  bank_account_number: z
    .string()
    .regex(
      /^[0-9A-Za-z]{4,19}$/,
      "Số tài khoản 4-19 ký tự chữ và số|An account number has 4-19 letters or digits",
    )
    .optional(),
  bank_account_name: z.string().trim().min(2).max(70).optional(),
})

export const SignUpSeller = z.strictObject({
  seller: SellerProfile,
  member: z.strictObject({ name: z.string().trim().min(2).max(120), phone: phone.optional() }),
})

export const UpdateSellerProfile = SellerProfile.omit({
  handle: true,
  commune_code: true,
  kind: true,
}).partial()

export const InviteStaff = z.strictObject({ email: z.email() })

export const AcceptInvite = z.strictObject({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  phone: phone.optional(),
})

export const GrantHelper = z.strictObject({ email: z.email() })

const variant = z.strictObject({
  title: z.string().trim().min(1).max(120),
  sku: z.string().max(60).optional(),
  ean: z
    .string()
    .regex(/^[0-9]{8,14}$/, "Mã vạch gồm 8-14 chữ số|A barcode has 8-14 digits")
    .optional(),
  price: vnd,
  stock: z.number().int().min(0).max(10_000_000).optional(),
  weight: z.number().int().min(0).max(1_000_000).optional(),
  // Priced per kg and weighed at packing (src/lib/sold-by-weight.ts); `price` must then be one
  // unit at its estimated weight.
  sold_by_weight: SoldByWeightInput.optional(),
})

/**
 * The seller's English title and description, shown on /en (lib/product-i18n.ts). Same limits as
 * the Vietnamese fields; an empty text means "none" (on an update: remove it).
 */
const englishTexts = z.strictObject({
  title: z
    .string()
    .trim()
    .max(200)
    .refine(
      (t) => t === "" || t.length >= 2,
      "Tên tiếng Anh cần ít nhất 2 ký tự, hoặc để trống|An English title needs at least 2 characters, or none",
    )
    .optional(),
  description: z.string().trim().max(10_000).optional(),
})

/** The product's VAT rate on invoices ("KCT": not subject to VAT, the default) and its unit. */
const invoiceFields = {
  vat_rate: z.enum(VAT_RATES).optional(),
  invoice_unit: z.string().trim().min(1).max(50).optional(),
}

export const CreateProduct = z.strictObject({
  ...invoiceFields,
  title: z.string().trim().min(2).max(200),
  handle: handle.optional(),
  subtitle: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  category_ids: z.array(z.string().min(1)).max(5).optional(),
  images: z.array(imageUrl).max(10).optional(),
  en: englishTexts.optional(),
  variants: z.array(variant).min(1).max(20),
})

export const UpdateProduct = z.strictObject({
  ...invoiceFields,
  title: z.string().trim().min(2).max(200).optional(),
  subtitle: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  category_ids: z.array(z.string().min(1)).max(5).optional(),
  images: z.array(imageUrl).max(10).optional(),
  en: englishTexts.optional(),
})

export const UpdateVariant = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  sku: z.string().max(60).optional(),
  price: vnd.optional(),
  // A new per-kg rule (src/lib/sold-by-weight.ts); the price must then be its estimate.
  sold_by_weight: SoldByWeightInput.optional(),
})

export const SetStock = z.strictObject({ quantity: z.number().int().min(0).max(10_000_000) })

export { Pagination }

/** The seller's order list: a page, optionally only the parts in one state ("placed": new). */
export const SellerOrderList = Pagination.extend({
  status: z.enum(["placed", "shipped", "delivered", "canceled"]).optional(),
})

/** What the seller received by transfer, in whole dong. */
export const ConfirmPayment = z.strictObject({ amount: vnd.min(1) })

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "phải là ngày dạng YYYY-MM-DD|must be a date as YYYY-MM-DD")
const quantity = z.number().int().min(1).max(10_000_000)

/** A seller opens a pre-order for a coming harvest of one variant, tied to a planned batch. */
export const OpenPreorder = z
  .strictObject({
    product_id: z.string().min(1).max(100),
    variant_id: z.string().min(1).max(100),
    batch_id: z.string().min(1).max(100),
    planned_quantity: quantity,
    expected_harvest_on: isoDate,
    delivery_from: isoDate,
    delivery_to: isoDate.optional(),
    closes_at: z.iso.datetime({ offset: true }).optional(),
    per_buyer_cap: quantity.optional(),
    deposit_percent: z.number().int().min(1).max(100).optional(),
    // Days a VietQR buyer has to pay the deposit; unpaid lines are then cancelled (3 by default).
    deposit_due_days: z.number().int().min(1).max(30).optional(),
  })
  .refine((w) => w.delivery_from >= w.expected_harvest_on, {
    path: ["delivery_from"],
    message: "phải từ ngày thu hoạch dự kiến trở đi|must be on or after the expected harvest date",
  })
  .refine((w) => !w.delivery_to || w.delivery_to >= w.delivery_from, {
    path: ["delivery_to"],
    message: "phải từ ngày bắt đầu giao trở đi|must be on or after delivery_from",
  })

export const ExtendPreorder = z.strictObject({
  closes_at: z.iso.datetime({ offset: true }).optional(),
  planned_quantity: quantity.optional(),
})

export const CancelPreorder = z.strictObject({ reason: z.string().trim().min(3).max(500) })

/** The harvested quantity is not sent: it is read from the batch's harvest events (traceability). */
export const HarvestPreorder = z.strictObject({
  allocation: z.enum(["first_come", "pro_rata"]).optional(),
})

/** The weights read at packing, one per line sold by weight, in whole grams. */
export const WeighOrder = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        item_id: z.string().min(1).max(100),
        grams: z
          .number()
          .int("Cân nặng tính bằng gam nguyên|Weights are whole grams")
          .positive("Cân nặng phải lớn hơn 0|A weight must be more than 0")
          .max(10_000_000),
      }),
    )
    .min(1)
    .max(100),
})
