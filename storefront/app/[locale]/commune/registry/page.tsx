import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CommunePager, LoadError, PortalUnavailable } from "@/components/portal/commune-bits"
import { EntryFlags } from "@/components/portal/commune-entry-flags"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { listEntries, PAGE_SIZE } from "@/lib/portal/commune-data"
import { CERTIFICATE_STATUSES, type CertificateStatus } from "@/lib/portal/commune-types"
import { communeContext } from "@/lib/portal/context"
import { pageNumber } from "@/lib/portal/paging"

type Search = { status?: string; offline?: string; page?: string }
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.registry")
  return { title: t("title"), robots: { index: false } }
}

/** The commune's OCOP registry, with the entries that are offline or expiring marked. */
export default async function CommuneRegistryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const search = await searchParams
  const t = await getTranslations("Portal.registry")
  const status = CERTIFICATE_STATUSES.find((s) => s === search.status) as
    | CertificateStatus
    | undefined
  const offline = search.offline === "1"
  const page = pageNumber(search.page)
  const filters = { status, offline: offline ? "1" : undefined }
  const query = new URLSearchParams(
    Object.entries({ ...filters, page: page > 1 ? String(page) : undefined }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString()
  const pathname = `/commune/registry${query ? `?${query}` : ""}`
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
  const result = await listEntries(locale, { status, offline, page })
  return (
    <CommuneFrame locale={locale} me={me} section="/registry" pathname={pathname}>
      <h1>{t("title")}</h1>
      <p className="intro">{t("intro")}</p>
      {me.officer.read_only ? null : (
        <p>
          <a className="button" href={localePath(locale, "/commune/registry/new")}>
            {t("add")}
          </a>
        </p>
      )}
      <form
        method="get"
        action={localePath(locale, "/commune/registry")}
        className="commune-filters"
      >
        <div className="commune-field">
          <label htmlFor="registry-status">{t("filterStatus")}</label>
          <select id="registry-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {CERTIFICATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" name="offline" value="1" defaultChecked={offline} />
          <span>{t("offlineOnly")}</span>
        </label>
        <button type="submit" className="button button-secondary">
          {t("filter")}
        </button>
      </form>
      {!result.ok ? (
        <LoadError error={result.error} retryHref={here} />
      ) : (
        <>
          <p className="muted" data-testid="registry-count">
            {t("count", { count: result.data.count })}
          </p>
          {result.data.items.length === 0 ? (
            <p className="notice">{t("none")}</p>
          ) : (
            <ul className="commune-list">
              {result.data.items.map((entry) => (
                <li
                  key={entry.id}
                  data-testid="registry-entry"
                  data-certificate={entry.certificate_number}
                >
                  <div className="commune-row">
                    <a href={localePath(locale, `/commune/registry/${entry.id}`)}>
                      {entry.product_name}
                    </a>
                    <span className="commune-stars">
                      <span aria-hidden="true">{"★".repeat(entry.stars)}</span>
                      <span className="visually-hidden">
                        {t("starsLabel", { stars: entry.stars })}
                      </span>
                    </span>
                  </div>
                  <p className="muted">
                    {entry.seller?.name ?? entry.seller_id} · {entry.certificate_number}
                  </p>
                  <EntryFlags entry={entry} locale={locale} />
                </li>
              ))}
            </ul>
          )}
          <CommunePager
            path={localePath(locale, "/commune/registry")}
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
