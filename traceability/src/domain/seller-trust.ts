/**
 * Who may write a batch, an event or stamps, and how many stamps a seller may issue in a day.
 * Pure rules, no I/O: the routes ask the backend for the seller and product and decide here.
 */

import { VIETNAM_OFFSET_MS, vietnamToday } from "@coop/contracts/quarters"

export type SellerState = "pending" | "approved" | "suspended"

/** Medusa product statuses a batch may be recorded for: listed, or still being prepared. */
export const WRITABLE_PRODUCT_STATUSES: readonly string[] = ["published", "draft"]

/** A reason, in both languages, why the seller may not write; null when it may. */
export interface Refusal {
  code: "seller_not_approved" | "product_not_writable"
  vi: string
  en: string
}

export function writeRefusal(sellerState: SellerState, productStatus: string): Refusal | null {
  if (sellerState === "pending") {
    return {
      code: "seller_not_approved",
      vi: "Người bán chưa được xã duyệt: chưa thể tạo lô, ghi nhật ký hay in tem. Hãy liên hệ UBND xã.",
      en: "The seller has not been approved by the commune yet: it cannot create batches, record events or issue stamps. Contact the commune.",
    }
  }
  if (sellerState === "suspended") {
    return {
      code: "seller_not_approved",
      vi: "Người bán đang bị tạm ngừng: không thể tạo lô, ghi nhật ký hay in tem. Hãy liên hệ UBND xã.",
      en: "The seller is suspended: it cannot create batches, record events or issue stamps. Contact the commune.",
    }
  }
  if (!WRITABLE_PRODUCT_STATUSES.includes(productStatus)) {
    return {
      code: "product_not_writable",
      vi: `Sản phẩm đang ở trạng thái "${productStatus}": chỉ sản phẩm đã đăng hoặc bản nháp mới được tạo lô và in tem.`,
      en: `The product is ${productStatus}: only published or draft products get batches and stamps.`,
    }
  }
  return null
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD: a quota's day. */
export const vietnamDay = (now: Date): string => vietnamToday(now)

/** The next midnight in Vietnam, when a daily quota starts again. */
export function nextVietnamMidnight(now: Date): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS)
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1)
  return new Date(midnight - VIETNAM_OFFSET_MS)
}

/** The 429 body's text: how many stamps are left today and when the count starts again. */
export function quotaRefusal(limit: number, used: number, requested: number, resetsAt: Date) {
  const left = Math.max(0, limit - used)
  const local = new Date(resetsAt.getTime() + VIETNAM_OFFSET_MS).toISOString()
  const when = `${local.slice(11, 16)} ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`
  return {
    vi: `Đã vượt hạn mức in tem trong ngày (${limit} tem mỗi ngày cho một người bán; hôm nay còn ${left}, yêu cầu ${requested}). Hạn mức được tính lại lúc ${when} (giờ Việt Nam).`,
    en: `Daily stamp quota exceeded (${limit} stamps a day per seller; ${left} left today, ${requested} requested). It resets at ${resetsAt.toISOString()} (midnight, Vietnam time).`,
  }
}
