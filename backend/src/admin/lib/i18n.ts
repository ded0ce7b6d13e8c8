export type Lang = "vi" | "en"

/**
 * The dashboard keeps the language the operator picked in localStorage ("lng", i18next's
 * detector); follow it so the extensions speak the same language. Vietnamese unless English.
 */
export function adminLang(): Lang {
  const picked = globalThis.localStorage?.getItem("lng") ?? globalThis.navigator?.language ?? "vi"
  return picked.toLowerCase().startsWith("en") ? "en" : "vi"
}

export function pick<T>(text: { vi: T; en: T }): T {
  return text[adminLang()]
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "-"
  return new Date(value).toLocaleDateString(adminLang() === "en" ? "en-GB" : "vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
  })
}
