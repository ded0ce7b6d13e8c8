"use client"

import { useEffect, useMemo, useState } from "react"
import type { AdminUnit } from "@/lib/medusa/cart-types"
import { countMessage } from "@/lib/text/count-message"
import { fold, matchUnits } from "@/lib/text/fold"

export type CommunePickerLabels = {
  commune: string
  chooseCommune: string
  search: string
  searchPlaceholder: string
  /** A message read raw, its "{count}" filled with the number of matches (countMessage). */
  matches: string
  noMatch: string
}

type Props = {
  /** The page's language, for the count's grouping and plural. */
  locale: string
  communes: AdminUnit[]
  defaultValue: string
  labels: CommunePickerLabels
  /** The select's id, name and error wiring, as the form gives its other fields. */
  field: {
    id: string
    name: string
    "aria-invalid"?: boolean
    "aria-describedby"?: string
  }
}

/**
 * The commune select, as the server renders it (without JavaScript the buyer picks from the
 * whole list). Once the page runs scripts a search box above it narrows the list as the buyer
 * types, without diacritics if they like ("ba dinh" finds "Phường Ba Đình"), and selects the
 * best match, so a phone keyboard is enough for 168 wards of a city.
 */
export function CommunePicker({ locale, communes, defaultValue, labels, field }: Props) {
  const [enhanced, setEnhanced] = useState(false)
  const [query, setQuery] = useState("")
  const [value, setValue] = useState(defaultValue)
  const searchId = `${field.id}-search`
  const statusId = `${searchId}-status`
  useEffect(() => setEnhanced(true), [])

  const shown = useMemo(() => matchUnits(communes, query), [communes, query])
  const searching = fold(query) !== ""

  function search(next: string) {
    setQuery(next)
    const found = matchUnits(communes, next)
    if (!fold(next)) return
    // Keep the buyer's choice while it still matches; otherwise take the best match.
    if (!found.some((c) => c.code === value)) setValue(found[0]?.code ?? "")
  }

  return (
    <>
      {enhanced && communes.length > 0 ? (
        <>
          <label htmlFor={searchId}>{labels.search}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => search(event.target.value)}
            placeholder={labels.searchPlaceholder}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            enterKeyHint="done"
            aria-controls={field.id}
            aria-describedby={statusId}
            onKeyDown={(event) => {
              // Enter would submit the whole address form half-filled.
              if (event.key === "Enter") event.preventDefault()
            }}
          />
          <p className="field-hint" id={statusId} aria-live="polite">
            {searching
              ? shown.length
                ? countMessage(labels.matches, shown.length, locale)
                : labels.noMatch
              : ""}
          </p>
        </>
      ) : null}
      <label htmlFor={field.id}>{labels.commune}</label>
      <select {...field} value={value} onChange={(event) => setValue(event.target.value)} required>
        <option value="">{labels.chooseCommune}</option>
        {shown.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </>
  )
}
