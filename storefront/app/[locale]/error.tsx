"use client"

import { useParams, usePathname } from "next/navigation"
import { useEffect } from "react"
import en from "@/messages/en.json"
import vi from "@/messages/vi.json"

// The only client component: it takes its few strings straight from the message files instead of
// shipping next-intl's client runtime (~12 KB gzip) to every page for a page that rarely shows.
const MESSAGES: Record<string, typeof vi.Unavailable> = { vi: vi.Unavailable, en: en.Unavailable }

type Props = { error: Error & { digest?: string } }

// Last resort for anything the pages did not handle themselves: a message in the page's language
// and a retry link that reloads the page, never a stack trace.
export default function ErrorPage({ error }: Props) {
  const { locale } = useParams<{ locale: string }>()
  const pathname = usePathname()
  const t = MESSAGES[locale] ?? MESSAGES.vi
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <main id="main" className="page">
      <section className="notice" role="alert">
        <h1>{t.title}</h1>
        <p>{t.body}</p>
        <a className="button" href={pathname}>
          {t.retry}
        </a>
      </section>
    </main>
  )
}
