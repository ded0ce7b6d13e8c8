import type { ReactNode } from "react"

// The real root layout is app/[locale]/layout.tsx (it sets <html lang>). This one only exists so
// that app/not-found.tsx can render for requests outside any locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children
}
