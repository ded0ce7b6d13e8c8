import { defineRouting } from "next-intl/routing"

export const routing = defineRouting({
  locales: ["vi", "en"],
  defaultLocale: "vi",
  // Every URL carries its language, so a shared link opens in the language it was shared in.
  localePrefix: "always",
  // `/` always opens Vietnamese: many phones here report English as their system language while
  // their owners read Vietnamese. The language switch is one tap away on every page.
  localeDetection: false,
})

export type Locale = (typeof routing.locales)[number]
