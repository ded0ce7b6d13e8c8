"use client"

import { createContext, type ReactNode, useContext } from "react"

/** The strings of the last-resort error page (the `Unavailable` messages), in the page's language. */
export type ErrorMessages = { title: string; body: string; retry: string }

const Context = createContext<ErrorMessages | null>(null)

/**
 * Hands the error page its few strings from the server. The locale layout renders it around every
 * page, so `app/[locale]/error.tsx` (a client component, rendered inside the layout) never imports
 * the message files: they would ship both languages' whole catalogues (~130 KB) to every page.
 */
export function ErrorMessagesProvider({
  messages,
  children,
}: {
  messages: ErrorMessages
  children: ReactNode
}) {
  return <Context value={messages}>{children}</Context>
}

export function useErrorMessages(): ErrorMessages | null {
  return useContext(Context)
}
