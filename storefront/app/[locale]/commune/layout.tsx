import type { ReactNode } from "react"
import "@/styles/checkout.css"
import "@/styles/portal-origin.css"
import "@/styles/portal-commune.css"
import "@/styles/portal-seller.css"

// The commune portal's styles (the seller portal's layout loads the same, in the same order): the
// shop's pages do not load them.
export default function CommuneLayout({ children }: { children: ReactNode }) {
  return children
}
