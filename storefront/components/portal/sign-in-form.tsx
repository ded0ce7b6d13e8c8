"use client"

import { useActionState } from "react"
import { portalSignIn, type SignInState } from "@/lib/portal/auth-actions"

export type SignInLabels = {
  email: string
  password: string
  role: string
  submit: string
  roles: { value: string; label: string }[]
}

type Props = { locale: string; portal: "seller" | "commune"; next: string; labels: SignInLabels }

/** Sign-in for a portal; a plain post that also works without JavaScript. */
export function SignInForm({ locale, portal, next, labels }: Props) {
  const [state, action, pending] = useActionState<SignInState, FormData>(portalSignIn, {
    email: "",
    actor: labels.roles[0]?.value ?? "",
    error: null,
  })
  return (
    <form action={action} className="checkout-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="portal" value={portal} />
      <input type="hidden" name="next" value={next} />
      {state.error ? (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <fieldset>
        <legend>{labels.role}</legend>
        {labels.roles.map((role) => (
          <label key={role.value} className="choice">
            <input
              type="radio"
              name="actor"
              value={role.value}
              defaultChecked={state.actor === role.value}
              required
            />
            <span>{role.label}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="portal-email">{labels.email}</label>
      <input
        id="portal-email"
        name="email"
        type="email"
        required
        autoComplete="username"
        defaultValue={state.email}
      />
      <label htmlFor="portal-password">{labels.password}</label>
      <input
        id="portal-password"
        name="password"
        type="password"
        required
        autoComplete="current-password"
      />
      <button type="submit" className="button button-wide" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  )
}
