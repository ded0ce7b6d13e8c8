"use client"

import { useState, useSyncExternalStore } from "react"
import type { LocationOutcome, SharedLocation } from "@/lib/traceability"

export type ShareLocationMessages = Record<
  | "title"
  | "button"
  | "explain"
  | "locating"
  | "sending"
  | "thanks"
  | "suspicious"
  | "denied"
  | "noPosition"
  | "tooLate"
  | "alreadyShared"
  | "failed",
  string
>

type Props = {
  scanId: string
  /** The page's strings, passed in so this component needs no i18n runtime in the browser. */
  messages: ShareLocationMessages
  share: (scanId: string, location: SharedLocation) => Promise<LocationOutcome>
}

type State =
  | "idle"
  | "locating"
  | "sending"
  | "denied"
  | "noPosition"
  | "thanks"
  | "suspicious"
  | "tooLate"
  | "alreadyShared"
  | "failed"

const noSubscription = () => () => {}

function stateOf(outcome: LocationOutcome): State {
  if (outcome.status === "recorded") return outcome.suspicious ? "suspicious" : "thanks"
  return outcome.status === "too_late"
    ? "tooLate"
    : outcome.status === "already_shared"
      ? "alreadyShared"
      : "failed"
}

/**
 * The optional request for the buyer's location, the only client component of the stamp page.
 * Nothing is asked until the buyer taps the button; without JavaScript (or geolocation) the
 * section is simply absent, since it renders only in the browser.
 */
export function ShareLocation({ scanId, messages, share }: Props) {
  // False on the server and while hydrating, true once running in a browser.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [state, setState] = useState<State>("idle")
  if (!inBrowser || !("geolocation" in navigator)) return null

  const ask = () => {
    setState("locating")
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        setState("sending")
        try {
          const location = { lat: coords.latitude, lng: coords.longitude }
          const outcome = await share(
            scanId,
            Number.isFinite(coords.accuracy)
              ? { ...location, accuracy: coords.accuracy }
              : location,
          )
          setState(stateOf(outcome))
        } catch {
          setState("failed")
        }
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? "denied" : "noPosition"),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 60_000 },
    )
  }

  const done = state === "thanks" || state === "suspicious" || state === "alreadyShared"
  const busy = state === "locating" || state === "sending"
  const message = state === "idle" ? null : messages[state]
  return (
    <section
      className="provenance share-location"
      aria-labelledby="location-heading"
      data-testid="trace-location"
    >
      <h2 id="location-heading">{messages.title}</h2>
      <p className="muted small">{messages.explain}</p>
      {done || state === "tooLate" ? null : (
        <button type="button" className="button" onClick={ask} disabled={busy}>
          {messages.button}
        </button>
      )}
      <p
        className={`location-status${state === "suspicious" ? " location-warning" : ""}`}
        role="status"
        data-state={state}
      >
        {message}
      </p>
    </section>
  )
}
