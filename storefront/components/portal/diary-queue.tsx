"use client"

import { useCallback, useEffect, useState } from "react"
import { sendWaiting } from "@/lib/portal/offline/diary-sender"
import {
  listEntries,
  QUEUE_CHANGED,
  type QueuedEntry,
  removeEntry,
} from "@/lib/portal/offline/diary-store"
import { countMessage } from "@/lib/text/count-message"

export type DiaryQueueTexts = {
  /** Raw ICU messages with `{count}` (filled here by the page's locale). */
  waiting: string
  failedCount: string
  photos: string
  title: string
  intro: string
  sendNow: string
  sending: string
  offlineNow: string
  signin: string
  signinLink: string
  unavailable: string
  failed: string
  discard: string
  discardConfirm: string
  /** "ghi lúc {time}" */
  recordedAt: string
  /** Each event type's name. */
  types: Record<string, string>
}

type Props = { locale: string; signInHref: string; texts: DiaryQueueTexts }

/** "07/12 14:05" from the entry's datetime-local field time. */
const fieldTime = (local: string | undefined) =>
  local ? `${local.slice(8, 10)}/${local.slice(5, 7)} ${local.slice(11, 16)}` : ""

/**
 * The diary entries waiting on this phone: how many, each with its type, batch and field time,
 * the ones the service refused in words with a discard button, and "Gửi ngay". They are sent by
 * themselves when the page opens and whenever the connection comes back.
 */
export function DiaryQueue({ locale, signInHref, texts }: Props) {
  const [entries, setEntries] = useState<QueuedEntry[] | null>(null)
  const [online, setOnline] = useState(true)
  const [sending, setSending] = useState(false)
  const [trouble, setTrouble] = useState<"signin" | "unavailable" | null>(null)

  const reload = useCallback(() => {
    listEntries()
      .then(setEntries)
      .catch(() => setEntries([]))
  }, [])

  const send = useCallback(async () => {
    if (!navigator.onLine) return
    setSending(true)
    try {
      const outcome = await sendWaiting(locale)
      setTrouble(outcome === "signin" || outcome === "unavailable" ? outcome : null)
    } finally {
      setSending(false)
      reload()
    }
  }, [locale, reload])

  useEffect(() => {
    setOnline(navigator.onLine)
    reload()
    const goOnline = () => {
      setOnline(true)
      void send()
    }
    const goOffline = () => setOnline(false)
    window.addEventListener(QUEUE_CHANGED, reload)
    window.addEventListener("online", goOnline)
    window.addEventListener("offline", goOffline)
    void send()
    return () => {
      window.removeEventListener(QUEUE_CHANGED, reload)
      window.removeEventListener("online", goOnline)
      window.removeEventListener("offline", goOffline)
    }
  }, [reload, send])

  const waiting = entries?.filter((e) => e.status === "waiting") ?? []
  const failed = entries?.filter((e) => e.status === "failed") ?? []
  if (online && entries !== null && entries.length === 0) {
    return <div data-testid="diary-queue" data-waiting="0" hidden />
  }
  return (
    <section
      className="notice diary-queue"
      data-testid="diary-queue"
      data-waiting={waiting.length}
      data-failed={failed.length}
      aria-live="polite"
    >
      {online ? null : (
        <p className="diary-offline" data-testid="diary-offline">
          {texts.offlineNow}
        </p>
      )}
      {entries?.length ? (
        <>
          <h2 className="diary-queue-title">{texts.title}</h2>
          <p>
            {waiting.length ? (
              <strong data-testid="diary-waiting">
                {countMessage(texts.waiting, waiting.length, locale)}
              </strong>
            ) : null}
            {waiting.length && failed.length ? " · " : null}
            {failed.length ? (
              <strong className="field-error" data-testid="diary-failed">
                {countMessage(texts.failedCount, failed.length, locale)}
              </strong>
            ) : null}
          </p>
          <p className="muted small">{texts.intro}</p>
          <ol className="diary-entries">
            {entries.map((entry) => {
              const photos = entry.photoUrls?.length ?? entry.photos.length
              return (
                <li key={entry.id} data-status={entry.status} data-key={entry.key}>
                  <strong>{texts.types[entry.type] ?? entry.type}</strong>{" "}
                  <span className="muted small">
                    {entry.batchLabel} ·{" "}
                    {texts.recordedAt.replace("{time}", fieldTime(entry.values.occurred_at))}
                    {photos ? ` · ${countMessage(texts.photos, photos, locale)}` : ""}
                  </span>
                  {entry.status === "failed" ? (
                    <div className="diary-failed" role="alert">
                      <p>
                        <strong>{texts.failed}:</strong> {entry.problem}
                      </p>
                      <button
                        type="button"
                        className="button button-secondary"
                        data-testid="diary-discard"
                        onClick={() => {
                          if (entry.id !== undefined && window.confirm(texts.discardConfirm)) {
                            void removeEntry(entry.id)
                          }
                        }}
                      >
                        {texts.discard}
                      </button>
                    </div>
                  ) : null}
                </li>
              )
            })}
          </ol>
          {trouble === "signin" ? (
            <p className="field-error" role="alert">
              {texts.signin} <a href={signInHref}>{texts.signinLink}</a>
            </p>
          ) : null}
          {trouble === "unavailable" ? (
            <p className="field-error" role="alert">
              {texts.unavailable}
            </p>
          ) : null}
          {waiting.length ? (
            <button
              type="button"
              className="button"
              data-testid="diary-send"
              disabled={!online || sending}
              onClick={() => void send()}
            >
              {sending ? texts.sending : texts.sendNow}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
