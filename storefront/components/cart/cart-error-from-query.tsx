"use client"

import { useSearchParams } from "next/navigation"
import { type CartErrorCode, isCartErrorCode } from "@/lib/medusa/cart-errors"

type Props = { messages: Record<CartErrorCode, { title: string; action: string }> }

/**
 * CartErrorNotice for a cached page (the product page is the same HTML for every buyer): the
 * `?cart_error=` a failed add comes back with is read in the browser, not by the server.
 */
export function CartErrorFromQuery({ messages }: Props) {
  const code = useSearchParams().get("cart_error")
  if (!isCartErrorCode(code)) return null
  return (
    <div className="notice notice-error" role="alert" data-testid="cart-error">
      <p className="notice-title">{messages[code].title}</p>
      <p>{messages[code].action}</p>
    </div>
  )
}
