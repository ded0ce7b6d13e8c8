import { z } from "zod"

// Official codes keep their leading zeros: 2 digits for a province, 5 for a commune. A refine,
// not a regex, so the client reads this message rather than "wrong format (regex)".
export const ProvinceParams = z.object({
  code: z
    .string()
    .refine(
      (code) => /^\d{2}$/.test(code),
      "Mã tỉnh gồm đúng 2 chữ số (ví dụ 08)|A province code is exactly 2 digits (e.g. 08)",
    ),
})

export const CommuneParams = z.object({
  code: z
    .string()
    .refine(
      (code) => /^\d{5}$/.test(code),
      "Mã xã gồm đúng 5 chữ số (ví dụ 02923)|A commune code is exactly 5 digits (e.g. 02923)",
    ),
})
