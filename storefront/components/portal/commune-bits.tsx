import { getTranslations } from "next-intl/server"
import type { ApiError } from "@/lib/portal/api"

// Small pieces every commune portal page uses: the page links, the "done" notice after a change
// and the notice when a read failed.

type PagerProps = {
  /** The page's path and its other query parameters (filters), kept on every page link. */
  path: string
  params: Record<string, string | undefined>
  page: number
  count: number
  pageSize: number
}

export async function CommunePager({ path, params, page, count, pageSize }: PagerProps) {
  const t = await getTranslations("Portal.sellers.pager")
  const pages = Math.max(1, Math.ceil(count / pageSize))
  if (pages <= 1) return null
  const href = (n: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
    if (n > 1) search.set("page", String(n))
    const text = search.toString()
    return text ? `${path}?${text}` : path
  }
  return (
    <nav className="pagination" aria-label={t("label")}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t("previous")}
        </a>
      ) : null}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {t("next")}
        </a>
      ) : null}
    </nav>
  )
}

/** "Done" after a change: the page's `status` query, when it is one this page knows. */
export function StatusNotice({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <p className="notice notice-ok" role="status" data-testid="status-notice">
      {text}
    </p>
  )
}

/** A read that failed: not found, not allowed or the backend down, with a way on. */
export async function LoadError({ error, retryHref }: { error: ApiError; retryHref: string }) {
  const t = await getTranslations("Portal.sellers.errors")
  const down = error.status === 0 || error.status >= 500
  return (
    <section className="notice notice-error" role="alert" data-testid="load-error">
      <p className="notice-title">{down ? t("down") : t("loadFailed")}</p>
      {!down && error.message ? <p>{error.message}</p> : null}
      <a className="button" href={retryHref}>
        {t("retry")}
      </a>
    </section>
  )
}

/** The whole page when the backend cannot say who is signed in (down or unreachable). */
export function PortalUnavailable({ retryHref }: { retryHref: string }) {
  return <LoadError error={{ status: 0, message: "", field: null }} retryHref={retryHref} />
}

/** A seller's state as a coloured tag (pending amber, approved green, suspended red). */
export function SellerStateBadge({ state, label }: { state: string; label: string }) {
  return (
    <span className={`commune-tag commune-tag-${state}`} data-state={state}>
      {label}
    </span>
  )
}
