import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CommuneActionForm } from "@/components/portal/commune-action-form"
import {
  CommunePager,
  LoadError,
  PortalUnavailable,
  SellerStateBadge,
  StatusNotice,
} from "@/components/portal/commune-bits"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { approveSeller } from "@/lib/portal/commune-actions"
import { listSellers, PAGE_SIZE } from "@/lib/portal/commune-data"
import { SELLER_STATES, type SellerState } from "@/lib/portal/commune-types"
import { communeContext } from "@/lib/portal/context"
import { pageNumber } from "@/lib/portal/paging"

type Search = { state?: string; q?: string; page?: string; status?: string }
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> }

const STATUSES = ["approved", "suspended"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.sellers")
  return { title: t("title"), robots: { index: false } }
}

/** The commune's sellers, newest first: filter by state or name, approve, go on to suspend. */
export default async function CommuneSellersPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const search = await searchParams
  const t = await getTranslations("Portal.sellers")
  const state = SELLER_STATES.find((s) => s === search.state) as SellerState | undefined
  const q = search.q?.trim().slice(0, 100) || undefined
  const page = pageNumber(search.page)
  const filters = { state, q }
  const query = new URLSearchParams(
    Object.entries({ ...filters, page: page > 1 ? String(page) : undefined }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString()
  const pathname = `/commune/sellers${query ? `?${query}` : ""}`
  const here = localePath(locale, pathname)
  const context = await communeContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="commune" pathname={pathname} title={t("title")}>
        <PortalUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  const { me } = context
  const readOnly = me.officer.read_only
  const result = await listSellers(locale, { state, q, page })
  const status = STATUSES.find((s) => s === search.status)
  return (
    <CommuneFrame locale={locale} me={me} section="/sellers" pathname={pathname}>
      <h1>{t("title")}</h1>
      <StatusNotice text={status ? t(`done.${status}`) : null} />
      {readOnly ? <p className="notice">{t("readOnly")}</p> : null}
      <form
        method="get"
        action={localePath(locale, "/commune/sellers")}
        className="commune-filters"
      >
        <div className="commune-field">
          <label htmlFor="sellers-state">{t("filterState")}</label>
          <select id="sellers-state" name="state" defaultValue={state ?? ""}>
            <option value="">{t("allStates")}</option>
            {SELLER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="commune-field">
          <label htmlFor="sellers-q">{t("search")}</label>
          <input
            id="sellers-q"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            maxLength={100}
            aria-describedby="sellers-q-hint"
          />
        </div>
        <button type="submit" className="button button-secondary">
          {t("filter")}
        </button>
        <p id="sellers-q-hint" className="muted commune-hint">
          {t("searchHint")}
        </p>
      </form>
      {!result.ok ? (
        <LoadError error={result.error} retryHref={here} />
      ) : (
        <>
          <p className="muted" data-testid="sellers-count">
            {t("count", { count: result.data.count })}
          </p>
          {result.data.items.length === 0 ? (
            <p className="notice">{t("none")}</p>
          ) : (
            <ul className="commune-list">
              {result.data.items.map((seller) => (
                <li key={seller.id} data-testid="commune-seller" data-handle={seller.handle}>
                  <div className="commune-row">
                    <a href={localePath(locale, `/commune/sellers/${seller.id}`)}>{seller.name}</a>
                    <SellerStateBadge state={seller.state} label={t(`states.${seller.state}`)} />
                  </div>
                  {/* Namesakes are told apart by handle, village and state (the badge above). */}
                  <p className="muted" data-testid="seller-identity">
                    {t("handle", { handle: seller.handle })} ·{" "}
                    {seller.village?.name ?? t("noVillage")}
                    {/* A province officer reads many communes: namesakes may live in two. */}
                    {readOnly && seller.commune?.name ? `, ${seller.commune.name}` : ""}
                  </p>
                  <p className="muted">
                    {t(`kinds.${seller.kind}`)} ·{" "}
                    {t("products", {
                      published: seller.published_product_count,
                      count: seller.product_count,
                    })}
                  </p>
                  {readOnly ? null : seller.state === "approved" ? (
                    <a
                      className="button button-secondary"
                      href={`${localePath(locale, `/commune/sellers/${seller.id}`)}?confirm=suspend#suspend`}
                    >
                      {t("suspend")}
                    </a>
                  ) : (
                    <CommuneActionForm
                      action={approveSeller}
                      hidden={{ locale, id: seller.id, back: here }}
                      submit={seller.state === "pending" ? t("approve") : t("reapprove")}
                      pending={t("working")}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          <CommunePager
            path={localePath(locale, "/commune/sellers")}
            params={filters}
            page={page}
            count={result.data.count}
            pageSize={PAGE_SIZE}
          />
        </>
      )}
    </CommuneFrame>
  )
}
