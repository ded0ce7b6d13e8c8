"use client"

import { useEffect, useState } from "react"

type Props = {
  /** The visually hidden label for one piece and for several, with `#` where the count goes. */
  one: string
  other: string
}

const HAS_CART = /(?:^|;\s*)coop_has_cart=1(?:;|$)/

/**
 * The cart count in the header of a cached catalogue page: asked for after the page loads, and
 * only when this browser has a cart (lib/medusa/session.ts), so the shared HTML holds nobody's
 * cart. Without JavaScript the count shows on the cart and checkout pages, which render per buyer.
 */
export function CartCount({ one, other }: Props) {
  const [count, setCount] = useState(0)
  useEffect(() => {
    if (!HAS_CART.test(document.cookie)) return
    let live = true
    fetch("/api/cart/count", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : { count: 0 }))
      .then((body: { count?: number }) => {
        if (live) setCount(Number(body.count) || 0)
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  if (count <= 0) return null
  return (
    <>
      <span className="cart-count" data-testid="cart-count" aria-hidden="true">
        {count}
      </span>
      <span className="visually-hidden">
        {" "}
        {(count === 1 ? one : other).replace("#", String(count))}
      </span>
    </>
  )
}
