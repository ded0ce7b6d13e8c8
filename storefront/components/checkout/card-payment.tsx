"use client"

import type { Stripe, StripeElements } from "@stripe/stripe-js"
import { useEffect, useRef, useState } from "react"
import { finishCardPayment, startCardPayment } from "@/lib/medusa/checkout-actions"

export type CardLabels = { loading: string; pay: string; paying: string; failed: string }

type Props = { locale: "vi" | "en"; publishableKey: string; labels: CardLabels }

/**
 * Stripe's card form (Payment Element). Stripe.js is loaded only here, only when the buyer chose
 * the card, so no other page pays for it. A declined card leaves the buyer on this form.
 */
export function CardPayment({ locale, publishableKey, labels }: Props) {
  const mount = useRef<HTMLDivElement>(null)
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let cancelled = false
    ;(async () => {
      const started = await startCardPayment(locale)
      if ("error" in started) return setError(started.error)
      const { loadStripe } = await import("@stripe/stripe-js")
      const loaded = await loadStripe(publishableKey, { locale })
      if (!loaded || cancelled || !mount.current) return setError(labels.failed)
      const elements = loaded.elements({ clientSecret: started.clientSecret })
      elements.create("payment").mount(mount.current)
      setStripe({ stripe: loaded, elements })
    })().catch(() => setError(labels.failed))
    return () => {
      cancelled = true
    }
  }, [locale, publishableKey, labels.failed])

  async function pay() {
    if (!stripe) return
    setBusy(true)
    setError(null)
    const result = await stripe.stripe.confirmPayment({
      elements: stripe.elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    })
    if (result.error) {
      setBusy(false)
      return setError(result.error.message ?? labels.failed)
    }
    const { href } = await finishCardPayment(locale)
    window.location.assign(href)
  }

  return (
    <div className="card-payment">
      <div ref={mount}>{stripe ? null : <p>{labels.loading}</p>}</div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button-wide" disabled={!stripe || busy} onClick={pay}>
        {busy ? labels.paying : labels.pay}
      </button>
    </div>
  )
}
