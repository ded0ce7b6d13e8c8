"use client"

import { useActionState } from "react"
import { type AccountFormState, register, signIn } from "@/lib/medusa/account-actions"

export type AccountLabels = {
  signInTitle: string
  registerTitle: string
  email: string
  name: string
  password: string
  passwordHint: string
  signIn: string
  register: string
}

const EMPTY: AccountFormState = { email: "", name: "", error: null }

/** Sign in and create an account: plain posts that also work without JavaScript. */
export function AccountForms({ locale, labels }: { locale: string; labels: AccountLabels }) {
  const [login, loginAction, loggingIn] = useActionState(signIn, EMPTY)
  const [created, registerAction, registering] = useActionState(register, EMPTY)
  return (
    <div className="account-forms">
      <form action={loginAction} className="checkout-form" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{labels.signInTitle}</h2>
        <input type="hidden" name="locale" value={locale} />
        {login.error ? (
          <p className="notice notice-error" role="alert">
            {login.error}
          </p>
        ) : null}
        <label htmlFor="login-email">{labels.email}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          required
          defaultValue={login.email}
          autoComplete="email"
        />
        <label htmlFor="login-password">{labels.password}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
        />
        <button type="submit" className="button button-wide" disabled={loggingIn}>
          {labels.signIn}
        </button>
      </form>
      <form action={registerAction} className="checkout-form" aria-labelledby="register-title">
        <h2 id="register-title">{labels.registerTitle}</h2>
        <input type="hidden" name="locale" value={locale} />
        {created.error ? (
          <p className="notice notice-error" role="alert">
            {created.error}
          </p>
        ) : null}
        <label htmlFor="register-name">{labels.name}</label>
        <input
          id="register-name"
          name="name"
          required
          minLength={2}
          defaultValue={created.name}
          autoComplete="name"
        />
        <label htmlFor="register-email">{labels.email}</label>
        <input
          id="register-email"
          name="email"
          type="email"
          required
          defaultValue={created.email}
          autoComplete="email"
        />
        <label htmlFor="register-password">{labels.password}</label>
        <input
          id="register-password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          aria-describedby="register-password-hint"
        />
        <p className="field-hint" id="register-password-hint">
          {labels.passwordHint}
        </p>
        <button type="submit" className="button button-wide" disabled={registering}>
          {labels.register}
        </button>
      </form>
    </div>
  )
}
