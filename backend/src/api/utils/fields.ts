import { z } from "zod"

/** Fields several API areas accept, validated and worded the same way everywhere. */

export const communeCode = z
  .string()
  .regex(/^[0-9]{5}$/, "Mã xã gồm 5 chữ số|A commune code has 5 digits")

export const phone = z
  .string()
  .regex(/^\+?[0-9 .-]{8,15}$/, "Số điện thoại không hợp lệ|Not a valid phone number")

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

/**
 * A picture's address: http(s) only. A `javascript:` or `data:` URL in a logo or product image
 * would run or render whatever it holds wherever a page links or embeds it.
 */
export const imageUrl = z
  .url({
    protocol: /^https?$/,
    error:
      "Chỉ nhận địa chỉ ảnh http:// hoặc https://|Only http:// or https:// image URLs are accepted",
  })
  .max(2000)
  .refine(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
    (url) => !/[\u0000-\u001f\u007f]/.test(url),
    "Địa chỉ ảnh chứa ký tự điều khiển|The image URL contains control characters",
  )
