import type { Locale } from "@/i18n/routing"
import { listCategories } from "@/lib/medusa/categories"
import type { Option } from "./seller-form"

/** The shop's categories as choices, in the page's language (none when the shop is down). */
export async function categoryOptions(locale: Locale): Promise<Option[]> {
  const categories = await listCategories().catch(() => [])
  return categories.map((c) => ({ value: c.id, label: c.name[locale] }))
}

/** Whole dong or pieces, as the number input's pattern: digits, with dots or spaces as people type them. */
export const WHOLE_PATTERN = "[0-9][0-9 .]*"
