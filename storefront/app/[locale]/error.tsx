"use client"

import { usePathname } from "next/navigation"
import { useEffect } from "react"
import { useErrorMessages } from "@/components/feedback/error-messages"

type Props = { error: Error & { digest?: string } }

// Last resort for anything the pages did not handle themselves: a message in the page's language
// and a retry link that reloads the page, never a stack trace.
export default function ErrorPage({ error }: Props) {
  const pathname = usePathname()
  // Its strings come from the locale layout (ErrorMessagesProvider): importing the message files
  // here would ship both languages' whole catalogues to every page, and next-intl's client runtime
  // (~12 KB gzip) would too, for a page that rarely shows.
  const t = useErrorMessages()
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <main id="main" className="page">
      <section className="notice" role="alert">
        {t ? <h1>{t.title}</h1> : null}
        {t ? <p>{t.body}</p> : null}
        <a className="button" href={pathname}>
          {t?.retry ?? "↻"}
        </a>
      </section>
    </main>
  )
}
