/**
 * The mails the development provider "sent", newest last, kept in this process only: what a
 * developer or a test reads instead of a mailbox. Shared through globalThis because the tests
 * load this file through their own module loader beside Medusa's require().
 */
export interface OutboxMail {
  id: string
  to: string
  template: string
  subject: string | null
  text: string | null
  sent_at: string
}

const KEY = Symbol.for("coop.mail-outbox")
const LIMIT = 200

export function outbox(): OutboxMail[] {
  // Must stay: globalThis declares no slot for this key (see above for why it lives there).
  const store = globalThis as unknown as Record<symbol, OutboxMail[] | undefined>
  store[KEY] ??= []
  return store[KEY]
}

export function keep(mail: OutboxMail) {
  const mails = outbox()
  mails.push(mail)
  if (mails.length > LIMIT) mails.splice(0, mails.length - LIMIT)
}

/** The mails to one address, newest last. */
export const mailsTo = (to: string) => outbox().filter((m) => m.to === to)
