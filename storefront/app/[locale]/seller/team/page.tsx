import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SellerPager, SellerStatus, SellerUnavailable } from "@/components/portal/seller-bits"
import { SellerForm } from "@/components/portal/seller-form"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatDate } from "@/lib/format"
import { sellerContext } from "@/lib/portal/context"
import { pageNumber } from "@/lib/portal/paging"
import { emptyFormState } from "@/lib/portal/seller-form"
import { listAudit, listHelpers, listMembers } from "@/lib/portal/seller-reads"
import { AUDIT_PAGE_SIZE, actionKey } from "@/lib/portal/seller-team"
import { grantHelper, inviteStaff, revokeHelper } from "@/lib/portal/seller-team-actions"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ status?: string; page?: string }>
}

const STATUSES = ["invited", "granted", "revoked"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.team")
  return { title: t("title"), robots: { index: false } }
}

const time = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(iso))

/** Members and invitations, the village helpers allowed to act, and who did what (audit log). */
export default async function SellerTeamPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const t = await getTranslations("Portal.team")
  const { status, page: rawPage } = await searchParams
  const page = pageNumber(rawPage)
  const path = "/seller/team"
  const context = await sellerContext(locale, localePath(locale, path))
  if (context === "unavailable") return <SellerUnavailable locale={locale} path={path} />
  const { me } = context
  const [members, helpers, audit] = await Promise.all([
    listMembers(locale),
    listHelpers(locale),
    listAudit(locale, page),
  ])
  // Staff and helpers get 403 on the owner's lists: they see the audit log only.
  const owner = me.actor.type === "seller_member" && me.actor.role === "owner"
  const names = new Map<string, string>()
  if (members.ok) for (const m of members.data.members) names.set(m.id, m.name)
  if (helpers.ok) for (const h of helpers.data.helpers) names.set(h.helper.id, h.helper.name)
  names.set(me.actor.id, me.actor.name)
  const known = STATUSES.find((s) => s === status)
  return (
    <SellerFrame locale={locale} me={me} section="/team" pathname={path}>
      <h1>{t("title")}</h1>
      <SellerStatus message={known ? t(`status.${known}`) : null} />
      {!owner ? <p className="notice">{t("ownerOnly")}</p> : null}

      {owner && members.ok ? (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t("membersTitle")}</h2>
          <ul className="seller-list" data-testid="members">
            {members.data.members.map((m) => (
              <li key={m.id} className="seller-person">
                <strong>{m.name}</strong>{" "}
                <span className="badge">{t(m.role === "owner" ? "roleOwner" : "roleStaff")}</span>
                <span className="muted">{m.email}</span>
              </li>
            ))}
            {members.data.invites.map((i) => (
              <li key={i.id} className="seller-person" data-testid="invite">
                <strong>{i.email}</strong> <span className="badge">{t("invited")}</span>
                <span className="muted">
                  {t("inviteExpires", { date: formatDate(new Date(i.expires_at), locale) })}
                </span>
              </li>
            ))}
          </ul>
          <h3>{t("inviteTitle")}</h3>
          <SellerForm
            id="invite"
            testId="invite-form"
            action={inviteStaff}
            initial={emptyFormState()}
            hidden={{ locale }}
            submit={t("inviteSubmit")}
            pendingLabel={t("sending")}
            fields={[
              {
                name: "email",
                label: t("email"),
                type: "email",
                hint: t("inviteHint"),
                required: true,
              },
            ]}
          />
        </section>
      ) : null}

      {owner && helpers.ok ? (
        <section aria-labelledby="helpers-title">
          <h2 id="helpers-title">{t("helpersTitle")}</h2>
          <p>{t("helpersIntro")}</p>
          {helpers.data.helpers.length === 0 ? <p className="muted">{t("noHelpers")}</p> : null}
          <ul className="seller-list" data-testid="helpers">
            {helpers.data.helpers.map((h) => (
              <li key={h.grant_id} className="seller-person" data-testid="helper">
                <strong>{h.helper.name}</strong>
                <span className="muted">
                  {h.helper.email} ·{" "}
                  {t("grantedOn", { date: formatDate(new Date(h.granted_at), locale) })}
                  {h.accepted_at ? null : ` · ${t("awaitingAcceptance")}`}
                </span>
                <SellerForm
                  id={`revoke-${h.grant_id}`}
                  action={revokeHelper}
                  initial={emptyFormState()}
                  hidden={{ locale, grant_id: h.grant_id }}
                  submit={t("revoke", { name: h.helper.name })}
                  pendingLabel={t("sending")}
                  secondary
                  fields={[]}
                />
              </li>
            ))}
          </ul>
          <h3>{t("grantTitle")}</h3>
          <SellerForm
            id="grant"
            testId="grant-form"
            action={grantHelper}
            initial={emptyFormState()}
            hidden={{ locale }}
            submit={t("grantSubmit")}
            pendingLabel={t("sending")}
            fields={[
              {
                name: "email",
                label: t("helperEmail"),
                type: "email",
                hint: t("grantHint"),
                required: true,
              },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{t("auditTitle")}</h2>
        {!audit.ok ? (
          <p className="notice notice-error">{t("auditUnavailable")}</p>
        ) : audit.data.entries.length === 0 ? (
          <p className="muted">{t("auditEmpty")}</p>
        ) : (
          <ol className="seller-audit" data-testid="audit-log">
            {audit.data.entries.map((entry) => {
              const key = actionKey(entry.action)
              const who = names.get(entry.actor_id)
              const actor =
                entry.actor_type === "helper"
                  ? t("byHelper", { name: who ?? t("someHelper") })
                  : entry.actor_type === "commune_officer"
                    ? t("byOfficer")
                    : entry.actor_type === "user"
                      ? t("byOperator")
                      : (who ?? t("someMember"))
              return (
                <li
                  key={entry.id}
                  data-testid="audit-entry"
                  data-action={entry.action}
                  data-actor-type={entry.actor_type}
                >
                  <span className="muted">{time(entry.created_at, locale)}</span>{" "}
                  <strong>
                    {key ? t(`actions.${key}` as "actions.product_create") : entry.action}
                  </strong>
                  <span>{actor}</span>
                </li>
              )
            })}
          </ol>
        )}
        {audit.ok ? (
          <SellerPager
            href={localePath(locale, path)}
            page={page}
            count={audit.data.count}
            pageSize={AUDIT_PAGE_SIZE}
          />
        ) : null}
      </section>
    </SellerFrame>
  )
}
