export type Lang = "vi" | "en"

/** The language the operator picked (Profile → Language): the "lng" cookie, then localStorage. */
function pickedLang(): string | null {
  const cookie = /(?:^|;\s*)lng=([^;]*)/.exec(globalThis.document?.cookie ?? "")?.[1]
  return (cookie ? decodeURIComponent(cookie) : null) ?? globalThis.localStorage?.getItem("lng")
}

/**
 * Vietnamese by default for the whole dashboard: the dashboard's language detector reads the
 * "lng" cookie, then localStorage, and otherwise falls back to English. This module is loaded
 * with the project's routes and widgets, before the dashboard starts i18next, so a first visit
 * finds "vi" there; an operator who picks English (or any language) in Profile → Language keeps it.
 */
if (typeof window !== "undefined" && !pickedLang()) {
  try {
    window.localStorage.setItem("lng", "vi")
  } catch {
    // Storage refused (private mode): the dashboard stays in English, the extensions follow it.
  }
}

/**
 * The dashboard's language, as its detector finds it, so the extensions speak the same one.
 * Vietnamese unless English.
 */
export function adminLang(): Lang {
  const picked = pickedLang() ?? "vi"
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
