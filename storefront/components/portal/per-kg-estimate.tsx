"use client"

import { useEffect, useRef, useState } from "react"
import type { Locale } from "@/i18n/routing"
import { formatVnd } from "@/lib/money"
import { readPerKg } from "@/lib/portal/per-kg"

type Props = {
  locale: Locale
  /** "Giá tạm tính mỗi đơn vị: {price}", with `{price}` left in. */
  template: string
  /** What the seller reads before the fields make a price (and without JavaScript). */
  pending: string
}

const FIELDS = ["sale_unit", "price_per_kg", "unit_kg", "tolerance_pct"] as const

/**
 * The price one unit sold by weight will carry (price per kg × estimated weight), recomputed as
 * the seller types in the form around it. Without JavaScript the server computes it on saving.
 */
export function PerKgEstimate({ locale, template, pending }: Props) {
  const ref = useRef<HTMLParagraphElement>(null)
  const [price, setPrice] = useState<number | null>(null)

  useEffect(() => {
    const form = ref.current?.closest("form")
    if (!form) return
    const update = () => {
      const data = new FormData(form)
      const values = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? "")]))
      const read = readPerKg(values)
      setPrice(read.kind === "perKg" ? read.price : null)
    }
    update()
    form.addEventListener("input", update)
    form.addEventListener("change", update)
    return () => {
      form.removeEventListener("input", update)
      form.removeEventListener("change", update)
    }
  }, [])

  return (
    <p className="per-kg-estimate" ref={ref} aria-live="polite" data-testid="per-kg-estimate">
      {price === null ? pending : template.replace("{price}", formatVnd(price, locale))}
    </p>
  )
}
