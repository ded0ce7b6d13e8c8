import type { z } from "zod"
import { badRequest } from "./errors"

function describe(
  issue: z.core.$ZodIssue,
  field: string,
  value: unknown,
): { vi: string; en: string } {
  const missing = value === undefined
  const own = ownMessage(issue.message)
  if (own) return { vi: `"${field}": ${own.vi}`, en: `"${field}": ${own.en}` }
  switch (issue.code) {
    case "invalid_type":
      if (missing) {
        return { vi: `Thiếu trường bắt buộc "${field}"`, en: `"${field}" is required` }
      }
      return {
        vi: `"${field}" phải là ${typeVi(issue.expected)}`,
        en: `"${field}" must be a ${issue.expected}`,
      }
    case "too_small":
      return issue.origin === "string"
        ? {
            vi: `"${field}" phải có ít nhất ${issue.minimum} ký tự`,
            en: `"${field}" must have at least ${issue.minimum} characters`,
          }
        : issue.origin === "array"
          ? {
              vi: `"${field}" phải có ít nhất ${issue.minimum} phần tử`,
              en: `"${field}" must have at least ${issue.minimum} items`,
            }
          : {
              vi: `"${field}" phải ${issue.inclusive ? "≥" : ">"} ${issue.minimum}`,
              en: `"${field}" must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}`,
            }
    case "too_big":
      // Say how long the text was too: a person who pasted it cannot count 265 characters.
      return issue.origin === "string"
        ? {
            vi: `"${field}" chỉ được tối đa ${issue.maximum} ký tự${typedLength(value, "vi")}`,
            en: `"${field}" must have at most ${issue.maximum} characters${typedLength(value, "en")}`,
          }
        : issue.origin === "array"
          ? {
              vi: `"${field}" chỉ được tối đa ${issue.maximum} phần tử`,
              en: `"${field}" must have at most ${issue.maximum} items`,
            }
          : {
              vi: `"${field}" phải ${issue.inclusive ? "≤" : "<"} ${issue.maximum}`,
              en: `"${field}" must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`,
            }
    case "invalid_value":
      return {
        vi: `"${field}" phải là một trong: ${issue.values.join(", ")}`,
        en: `"${field}" must be one of: ${issue.values.join(", ")}`,
      }
    case "unrecognized_keys":
      return {
        vi: `Trường không được phép: ${issue.keys.join(", ")}`,
        en: `Unknown field: ${issue.keys.join(", ")}`,
      }
    case "invalid_format":
      return {
        vi: `"${field}" không đúng định dạng (${issue.format})`,
        en: `"${field}" has the wrong format (${issue.format})`,
      }
    case "not_multiple_of":
      return {
        vi: `"${field}" phải là số nguyên (đồng), không có phần lẻ`,
        en: `"${field}" must be a whole number of dong`,
      }
    default:
      return { vi: `"${field}" không hợp lệ`, en: `"${field}" is not valid` }
  }
}

/**
 * Our own messages are written "Vietnamese|English": one bar with words on both sides. Zod's
 * defaults can contain bars too ("expected one of 3|4|5"), but never one bar between phrases.
 */
export function ownMessage(message: string): { vi: string; en: string } | null {
  const parts = message.split("|")
  if (parts.length !== 2) return null
  const [vi, en] = parts.map((p) => p.trim()) as [string, string]
  return vi.includes(" ") && en.includes(" ") ? { vi, en } : null
}

/** " (đã nhập 265)": the length of the text as it was checked (trimmed), when it is text. */
function typedLength(value: unknown, lang: "vi" | "en"): string {
  if (typeof value !== "string") return ""
  const length = value.trim().length
  return lang === "vi" ? ` (đã nhập ${length})` : ` (${length} given)`
}

function typeVi(expected: string): string {
  const names: Record<string, string> = {
    string: "chuỗi ký tự",
    number: "số",
    int: "số nguyên",
    boolean: "true hoặc false",
    array: "danh sách",
    object: "đối tượng",
  }
  return names[expected] ?? expected
}

/**
 * Parses input with a zod schema; on failure throws a 400 naming the first offending field.
 * Custom refinements write their message as "Vietnamese|English".
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]] : issue.path
  const field = path.length ? path.join(".") : "body"
  // Zod 4 leaves the offending value out of its issues: look it up to tell "missing" from "wrong".
  let value: unknown = input ?? {}
  for (const key of issue.path) {
    value =
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined
  }
  throw badRequest(field, describe(issue, field, value))
}
