import { stripMarks } from "@coop/contracts/text"
/**
 * The seller notices, in Vietnamese. Each template names its values (`params`), which also fill
 * the Zalo ZNS template of the same name (docs/notifications.md lists them).
 */
export type Template =
  | "new_order"
  | "payment_confirmed"
  | "stamps_done"
  | "ocop_expiring"
  | "seller_approved"
  | "seller_suspended"

export type Params = Record<string, string>

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" })

/** 1250000 → "1.250.000 ₫" */
export const formatVnd = (amount: number) => vnd.format(amount)

/** A day as Vietnamese write it: 07/01/2027 (the date in Vietnam). */
export const formatDateVi = (date: Date) =>
  new Intl.DateTimeFormat("vi-VN", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(date)

export function render(template: string, p: Params): { subject: string; text: string } {
  switch (template as Template) {
    case "new_order":
      return {
        subject: `Đơn hàng mới ${p.order}`,
        text: `Chợ số HTX: ${p.seller} có đơn hàng mới ${p.order}, trị giá ${p.amount}. Vào cổng người bán để chuẩn bị hàng.`,
      }
    case "payment_confirmed":
      return {
        subject: `Đã nhận thanh toán đơn ${p.order}`,
        text: `Chợ số HTX: đơn ${p.order} của ${p.seller} đã được thanh toán ${p.amount}.`,
      }
    case "stamps_done":
      return {
        subject: `Đã phát hành ${p.count} tem QR`,
        text: `Chợ số HTX: đã phát hành xong ${p.count} tem QR truy xuất nguồn gốc cho ${p.product}. Có thể in tem ngay.`,
      }
    case "ocop_expiring":
      return {
        subject: `Chứng nhận OCOP sắp hết hạn: ${p.product}`,
        text: `Chợ số HTX: chứng nhận OCOP số ${p.certificate} của sản phẩm ${p.product} hết hạn ngày ${p.expires_on}. Liên hệ UBND xã để đánh giá lại.`,
      }
    case "seller_approved":
      return {
        subject: "Tài khoản người bán đã được duyệt",
        text: `Chợ số HTX: tài khoản ${p.seller} đã được duyệt, sản phẩm đã lên sàn.${p.reason ? ` Ghi chú: ${p.reason}` : ""}`,
      }
    case "seller_suspended":
      return {
        subject: "Tài khoản người bán bị tạm ngừng",
        text: `Chợ số HTX: tài khoản ${p.seller} bị tạm ngừng, sản phẩm đã rời sàn. Lý do: ${p.reason || "không ghi"}.`,
      }
    default:
      throw new Error(`Unknown notification template ${template}`)
  }
}

/**
 * Text for a non-Unicode SMS: tone and vowel marks removed, đ as d, ₫ as "d" (brandname SMS in
 * Vietnam is usually sent without diacritics: 160 characters a part instead of 70).
 */
export const foldForSms = (text: string) =>
  stripMarks(text)
    .replace(/\u00a0/g, " ")
    .replace(/₫/g, "d")

/**
 * A Vietnamese mobile number in any usual spelling ("0912 345 678", "+84 912.345.678",
 * "84912345678") as 84xxxxxxxxx, or null. Mobile numbers have ten digits and start 03, 05, 07,
 * 08 or 09 (the numbering plan since the 2018 change from 11 digits).
 */
export function normalizeVnMobile(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/g, "")
  const match = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits)
  return match ? `84${match[1]}` : null
}
