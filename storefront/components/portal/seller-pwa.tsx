"use client"

import { useEffect } from "react"

type Props = { locale: string }

/**
 * Registers the seller portal's service worker (public/seller-sw.js) for /{locale}/seller, and
 * asks it to keep this page and the build files this page loaded: the first visit ran before
 * the worker, so it saw none of them. Only the seller portal's layout renders this; the shop's
 * public pages never load it.
 */
export function SellerPwa({ locale }: Props) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return
    let cancelled = false
    const scope = `/${locale}/seller`
    navigator.serviceWorker
      .register("/seller-sw.js", { scope })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled) return
        const worker = registration.active
        if (!worker) return
        if (window.location.pathname === `${scope}/sign-in`) {
          // Signed out or sent to sign in: the kept pages were one person's.
          worker.postMessage({ type: "forget" })
          return
        }
        const built = performance
          .getEntriesByType("resource")
          .map((entry) => entry.name)
          .filter((name) => new URL(name).pathname.startsWith("/_next/static/"))
        worker.postMessage({ type: "keep", urls: [window.location.href, ...built] })
      })
      .catch(() => {
        // No service worker (private window, old browser): the portal works online as before.
      })
    return () => {
      cancelled = true
    }
  }, [locale])
  return null
}

/** Asks the portal's service worker to keep these pages too (once it runs). */
export function KeepOffline({ urls }: { urls: string[] }) {
  const key = urls.join("\n")
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !key) return
    let cancelled = false
    navigator.serviceWorker.ready
      .then((registration) => {
        if (!cancelled) registration.active?.postMessage({ type: "keep", urls: key.split("\n") })
      })
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [key])
  return null
}
