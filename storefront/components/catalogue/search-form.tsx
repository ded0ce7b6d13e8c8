import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { MAX_QUERY_LENGTH } from "@/lib/medusa"

type Props = {
  locale: Locale
  /** The text searched for, shown back in the box. */
  query?: string
  label: string
  placeholder?: string
  submit: string
  id: string
}

/** A plain GET form to the search page: works without JavaScript, and the URL can be shared. */
export function SearchForm({ locale, query, label, placeholder, submit, id }: Props) {
  return (
    <search className="search-form">
      <form action={localePath(locale, "/search")} method="get">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <div className="search-row">
          <input
            id={id}
            type="search"
            name="q"
            defaultValue={query}
            placeholder={placeholder}
            maxLength={MAX_QUERY_LENGTH}
            enterKeyHint="search"
            autoComplete="off"
          />
          <button type="submit" className="button">
            {submit}
          </button>
        </div>
      </form>
    </search>
  )
}
