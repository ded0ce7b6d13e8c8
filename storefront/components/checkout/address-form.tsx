"use client"

import { useActionState, useEffect, useState } from "react"
import type { AdminUnit } from "@/lib/medusa/cart-types"
import { type AddressFormState, communesOf, saveAddress } from "@/lib/medusa/checkout-actions"
import { CommunePicker } from "./commune-picker"

export type AddressLabels = {
  email: string
  fullName: string
  phone: string
  phoneHint: string
  province: string
  commune: string
  chooseProvince: string
  chooseCommune: string
  showCommunes: string
  searchCommune: string
  searchCommunePlaceholder: string
  communeMatches: string
  communeNoMatch: string
  line: string
  lineHint: string
  submit: string
  saving: string
  remember: string
}

type Props = {
  locale: string
  initial: AddressFormState
  provinces: AdminUnit[]
  communes: AdminUnit[]
  labels: AddressLabels
}

/**
 * The delivery address. Works without JavaScript (a plain post; the server answers with the
 * errors and what was typed). With JavaScript, choosing a province loads its communes at once
 * and a search box narrows them as the buyer types.
 */
export function AddressForm({
  locale,
  initial,
  provinces,
  communes: initialCommunes,
  labels,
}: Props) {
  const [state, action, pending] = useActionState(saveAddress, initial)
  // From the action's state, not the page's: a post without JavaScript comes back with the
  // province the buyer sent and its communes, which the cart (not yet saved) does not know.
  const [province, setProvince] = useState(state.values.province_code)
  const [communes, setCommunes] = useState(state.communes ?? initialCommunes)
  const [scripted, setScripted] = useState(false)
  useEffect(() => setScripted(true), [])
  const [answered, setAnswered] = useState(state)
  if (answered !== state) {
    setAnswered(state)
    if (state.communes) {
      setProvince(state.values.province_code)
      setCommunes(state.communes)
    }
  }
  const v = state.values
  const e = state.errors
  const field = (name: keyof AddressFormState["values"]) => ({
    id: `address-${name}`,
    name,
    "aria-invalid": e[name] ? true : undefined,
    "aria-describedby": e[name] ? `address-${name}-error` : undefined,
  })
  const error = (name: keyof AddressFormState["values"]) =>
    e[name] ? (
      <p className="field-error" id={`address-${name}-error`}>
        {e[name]}
      </p>
    ) : null

  async function chooseProvince(code: string) {
    setProvince(code)
    setCommunes(code ? await communesOf(code) : [])
  }

  return (
    <form action={action} className="checkout-form" noValidate={false}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="communes_of" value={province} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <label htmlFor="address-full_name">{labels.fullName}</label>
      <input
        {...field("full_name")}
        defaultValue={v.full_name}
        required
        minLength={2}
        autoComplete="name"
      />
      {error("full_name")}
      <label htmlFor="address-phone">{labels.phone}</label>
      {/* The browser only stops letters; the server's rule (lib/phone.ts) names what is wrong. */}
      <input
        {...field("phone")}
        type="tel"
        defaultValue={v.phone}
        required
        pattern="\+?[0-9 .\-\(\)]{9,20}"
        maxLength={20}
        autoComplete="tel"
        inputMode="tel"
      />
      <p className="field-hint">{labels.phoneHint}</p>
      {error("phone")}
      <label htmlFor="address-email">{labels.email}</label>
      <input
        {...field("email")}
        type="email"
        defaultValue={v.email}
        maxLength={200}
        autoComplete="email"
      />
      {error("email")}
      <label htmlFor="address-province_code">{labels.province}</label>
      <select
        {...field("province_code")}
        key={v.province_code}
        defaultValue={v.province_code}
        required
        onChange={(event) => chooseProvince(event.target.value)}
      >
        <option value="">{labels.chooseProvince}</option>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      {scripted ? null : (
        // Without JavaScript the commune list is the province the page was drawn with: this asks
        // the server for the chosen province's, skipping the browser's checks of unfilled fields.
        // An input, not a button, so tests and scripts find one "button". Enter in any field
        // also sends this (the first submit control); the server then saves when the list shown
        // already is the chosen province's (communes_of).
        <input
          type="submit"
          name="show_communes"
          value={labels.showCommunes}
          formNoValidate
          className="button button-secondary"
        />
      )}
      {error("province_code")}
      {/* React resets the form after each post, and a select resets to the option it was mounted
          with: keyed by the value posted, it is mounted again with it and keeps the buyer's choice. */}
      <CommunePicker
        key={`${province}:${v.commune_code}`}
        locale={locale}
        field={field("commune_code")}
        communes={communes}
        defaultValue={v.commune_code}
        labels={{
          commune: labels.commune,
          chooseCommune: labels.chooseCommune,
          search: labels.searchCommune,
          searchPlaceholder: labels.searchCommunePlaceholder,
          matches: labels.communeMatches,
          noMatch: labels.communeNoMatch,
        }}
      />
      {error("commune_code")}
      <label htmlFor="address-line">{labels.line}</label>
      <input
        {...field("line")}
        defaultValue={v.line}
        required
        minLength={2}
        autoComplete="street-address"
      />
      <p className="field-hint">{labels.lineHint}</p>
      {error("line")}
      <label className="choice">
        <input
          type="checkbox"
          name="remember"
          value="1"
          defaultChecked={state.remember ?? true}
          data-testid="remember-buyer"
        />
        <span>{labels.remember}</span>
      </label>
      <button type="submit" className="button button-wide" disabled={pending}>
        {pending ? labels.saving : labels.submit}
      </button>
    </form>
  )
}
