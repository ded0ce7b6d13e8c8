"use client"

import { useRouter } from "next/navigation"
import { useEffect } from "react"

/**
 * While a VietQR transfer awaits the seller's confirmation, re-reads the page every few seconds
 * so it moves on by itself; the server renders it, so nothing else runs in the browser.
 */
export function OrderPoller({ intervalMs = 5000 }: { intervalMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh()
    }, intervalMs)
    return () => clearInterval(timer)
  }, [router, intervalMs])
  return null
}
