import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CommuneActionForm } from "@/components/portal/commune-action-form"
import {
  LoadError,
  PortalUnavailable,
  SellerStateBadge,
  StatusNotice,
} from "@/components/portal/commune-bits"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import {
  approveSeller,
  approveSellerChanges,
  rejectSellerChanges,
  suspendSeller,
} from "@/lib/portal/commune-actions"
import { getSeller } from "@/lib/portal/commune-data"
import { REVIEWED_FIELDS } from "@/lib/portal/commune-types"
import { communeContext } from "@/lib/portal/context"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ confirm?: string; status?: string }>
}

const STATUSES = ["approved", "suspended", "changesApproved", "changesRejected"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.sellers")
  return { title: t("title"), robots: { index: false } }
}

/** One seller: what the officer checks before approving, and suspension with a reason. */
export default async function CommuneSellerPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const search = await searchParams
  const t = await getTranslations("Portal.sellers")
  const pathname = `/commune/sellers/${encodeURIComponent(id)}`
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
  const result = await getSeller(locale, id)
  if (!result.ok) {
    return (
      <CommuneFrame locale={locale} me={me} section="/sellers" pathname={pathname}>
        <LoadError error={result.error} retryHref={here} />
        <p>
          <a href={localePath(locale, "/commune/sellers")}>{t("back")}</a>
        </p>
      </CommuneFrame>
    )
  }
  const seller = result.data
  const status = STATUSES.find((s) => s === search.status)
  const confirming = search.confirm === "suspend" && seller.state === "approved" && !readOnly
  const none = t("notGiven")
  const facts: [string, string][] = [
    [t("fields.kind"), t(`kinds.${seller.kind}`)],
    [t("fields.village"), seller.village?.name ?? none],
    [t("fields.address"), seller.address ?? none],
    [t("fields.phone"), seller.phone ?? none],
    [t("fields.email"), seller.email ?? none],
    [t("fields.taxCode"), seller.tax_code ?? none],
    [
      t("fields.bank"),
      seller.bank_account_number
        ? `${seller.bank_account_name ?? ""} · ${seller.bank_account_number} (BIN ${seller.bank_bin ?? "?"})`
        : none,
    ],
    [t("fields.vietqr"), seller.accepts_vietqr ? t("vietqrOn") : t("vietqrOff")],
    [t("fields.signedUp"), formatDate(new Date(seller.created_at), locale)],
  ]
  const pending = seller.pending_changes ?? {}
  const pendingFields = REVIEWED_FIELDS.filter((f) => f in pending)
  return (
    <CommuneFrame locale={locale} me={me} section="/sellers" pathname={pathname}>
      <p>
        <a href={localePath(locale, "/commune/sellers")}>{t("back")}</a>
      </p>
      <h1>{seller.name}</h1>
      <StatusNotice text={status ? t(`done.${status}`) : null} />
      <p className="commune-row">
        <SellerStateBadge state={seller.state} label={t(`states.${seller.state}`)} />
        {seller.state_changed_at ? (
          <span className="muted">
            {t("since", { date: formatDate(new Date(seller.state_changed_at), locale) })}
          </span>
        ) : null}
      </p>
      {seller.state_reason ? (
        <p data-testid="state-reason">{t("reasonShown", { reason: seller.state_reason })}</p>
      ) : null}
      <dl className="commune-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {pendingFields.length ? (
        <section id="changes" className="commune-confirm" aria-labelledby="changes-title">
          <h2 id="changes-title">{t("changes.title")}</h2>
          <p>{t("changes.intro")}</p>
          {seller.pending_changes_at ? (
            <p className="muted">
              {t("changes.submitted", {
                date: formatDate(new Date(seller.pending_changes_at), locale),
              })}
            </p>
          ) : null}
          <table data-testid="pending-changes">
            <thead>
              <tr>
                <th scope="col">{t("changes.field")}</th>
                <th scope="col">{t("changes.current")}</th>
                <th scope="col">{t("changes.proposed")}</th>
              </tr>
            </thead>
            <tbody>
              {pendingFields.map((field) => (
                <tr key={field}>
                  <th scope="row">{t(`changes.names.${field}`)}</th>
                  <td>{seller[field] ?? none}</td>
                  <td>{pending[field] ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pendingFields.some((f) => f.startsWith("bank_")) ? (
            <p>{t("changes.payeeWarning")}</p>
          ) : null}
          {readOnly ? null : (
            <>
              <CommuneActionForm
                action={approveSellerChanges}
                hidden={{ locale, id: seller.id, back: here }}
                submit={t("changes.approve")}
                pending={t("working")}
                testId="approve-changes-form"
              />
              <CommuneActionForm
                action={rejectSellerChanges}
                hidden={{ locale, id: seller.id, back: here }}
                fields={[
                  {
                    kind: "textarea",
                    name: "reason",
                    label: t("changes.reason"),
                    hint: t("changes.reasonHint"),
                    required: true,
                    minLength: 3,
                    maxLength: 500,
                  },
                ]}
                submit={t("changes.reject")}
                pending={t("working")}
                danger
                testId="reject-changes-form"
              />
            </>
          )}
        </section>
      ) : null}
      {readOnly ? null : seller.state === "approved" ? (
        confirming ? (
          <section id="suspend" className="commune-confirm" aria-labelledby="suspend-title">
            <h2 id="suspend-title">{t("confirmTitle", { name: seller.name })}</h2>
            <p>{t("confirmBody")}</p>
            <CommuneActionForm
              action={suspendSeller}
              hidden={{ locale, id: seller.id, back: here }}
              fields={[
                {
                  kind: "textarea",
                  name: "reason",
                  label: t("reason"),
                  hint: t("reasonHint"),
                  required: true,
                  minLength: 3,
                  maxLength: 500,
                },
              ]}
              submit={t("confirmSuspend")}
              pending={t("working")}
              danger
              testId="suspend-form"
            />
            <a href={here}>{t("cancel")}</a>
          </section>
        ) : (
          <a className="button button-secondary" href={`${here}?confirm=suspend#suspend`}>
            {t("suspend")}
          </a>
        )
      ) : (
        <CommuneActionForm
          action={approveSeller}
          hidden={{ locale, id: seller.id, back: here }}
          submit={seller.state === "pending" ? t("approve") : t("reapprove")}
          pending={t("working")}
        />
      )}
      <h2>{t("productsTitle", { count: seller.products.length })}</h2>
      {seller.products.length === 0 ? (
        <p className="muted">{t("noProducts")}</p>
      ) : (
        <ul className="commune-list">
          {seller.products.map((product) => (
            <li key={product.id}>
              {product.title ?? product.id}{" "}
              <span className="muted">
                · {product.status === "published" ? t("productPublished") : t("productDraft")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <p>
          <a href={`${localePath(locale, "/commune/registry/new")}?seller_id=${seller.id}`}>
            {t("addOcop")}
          </a>
        </p>
      )}
    </CommuneFrame>
  )
}
