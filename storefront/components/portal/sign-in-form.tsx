"use client"

import { useActionState } from "react"
import { portalChooseRole, portalSignIn, type SignInState } from "@/lib/portal/auth-actions"
import type { PortalActor } from "@/lib/portal/session"

export type SignInLabels = {
  email: string
  password: string
  submit: string
  /** "This account has several roles: choose one." */
  severalRoles: string
  chooseRole: string
  continue: string
  roleNames: Record<PortalActor, string>
}

type Props = { locale: string; portal: "seller" | "commune"; next: string; labels: SignInLabels }

/**
 * Sign-in for every portal role: e-mail and password only; the server finds the login's roles
 * and asks only when there are several. Plain posts that also work without JavaScript.
 */
export function SignInForm({ locale, portal, next, labels }: Props) {
  const [state, action, pending] = useActionState<SignInState, FormData>(portalSignIn, {
    email: "",
    error: null,
  })
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="portal" value={portal} />
      <input type="hidden" name="next" value={next} />
    </>
  )
  if (state.roles?.length) {
    return (
      <form action={portalChooseRole} className="checkout-form" data-testid="sign-in-roles">
        {hidden}
        <p className="notice" role="status">
          {labels.severalRoles}
        </p>
        <fieldset>
          <legend>{labels.chooseRole}</legend>
          {state.roles.map((role, i) => (
            <label key={role} className="choice">
              <input type="radio" name="actor" value={role} defaultChecked={i === 0} required />
              <span>{labels.roleNames[role]}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-wide">
          {labels.continue}
        </button>
      </form>
    )
  }
  return (
    <form action={action} className="checkout-form">
      {hidden}
      {state.error ? (
        <p className="notice notice-error" role="alert" data-testid="sign-in-error">
          {state.error}
        </p>
      ) : null}
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
