import { categoryPath, localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import type { Category } from "@/lib/medusa"

type Props = {
  categories: Category[]
  locale: Locale
  /** The category whose page this is, marked as the current one. */
  current?: string
  label: string
  className?: string
}

/** The shop's categories as plain links, in the page's language. */
export function CategoryNav({
  categories,
  locale,
  current,
  label,
  className = "category-nav",
}: Props) {
  if (categories.length === 0) return null
  return (
    <nav className={className} aria-label={label}>
      <ul>
        {categories.map((category) => (
          <li key={category.id}>
            <a
              href={localePath(locale, categoryPath(category.handle))}
              aria-current={category.handle === current ? "page" : undefined}
            >
              {category.name[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
