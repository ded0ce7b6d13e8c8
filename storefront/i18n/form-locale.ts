import { type Locale, routing } from "./routing"

/** A locale a request names (a form field, a route segment), or the default for anything else. */
export function toLocale(value: unknown): Locale {
  return routing.locales.find((l) => l === value) ?? routing.defaultLocale
}

/** The page's language that a form posts in its hidden `locale` field. */
export function formLocale(form: FormData): Locale {
  return toLocale(form.get("locale"))
}
