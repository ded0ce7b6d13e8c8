import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { CommuneActionForm } from "@/components/portal/commune-action-form"
import { LoadError, PortalUnavailable, StatusNotice } from "@/components/portal/commune-bits"
import { EntryEditor } from "@/components/portal/commune-entry-editor"
import { calendarDay, EntryFlags } from "@/components/portal/commune-entry-flags"
import { CommuneFrame } from "@/components/portal/commune-frame"
import { PortalShell } from "@/components/portal/portal-shell"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath } from "@/i18n/paths"
import { linkEntry } from "@/lib/portal/commune-actions"
import { allSellers, getEntry, getSeller } from "@/lib/portal/commune-data"
import { communeContext } from "@/lib/portal/context"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<{ status?: string }>
}

const STATUSES = ["created", "saved", "linked", "unlinked"] as const

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.registry")
  return { title: t("title"), robots: { index: false } }
}

/** One registry entry: its certificate, its listing (link, unlink) and the form to change it. */
export default async function EntryPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const search = await searchParams
  const t = await getTranslations("Portal.registry")
  const pathname = `/commune/registry/${encodeURIComponent(id)}`
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
  const back = <a href={localePath(locale, "/commune/registry")}>{t("back")}</a>
  const result = await getEntry(locale, id)
  if (!result.ok) {
    return (
      <CommuneFrame locale={locale} me={me} section="/registry" pathname={pathname}>
        <LoadError error={result.error} retryHref={here} />
        <p>{back}</p>
      </CommuneFrame>
    )
  }
  const entry = result.data
  const [seller, sellers] = readOnly
    ? [null, null]
    : await Promise.all([getSeller(locale, entry.seller_id), allSellers(locale)])
  const status = STATUSES.find((s) => s === search.status)
  const facts: [string, string][] = [
    [t("form.seller"), entry.seller?.name ?? entry.seller_id],
    [t("form.group"), t(`groups.${entry.group}`)],
    [t("form.stars"), t("form.starsOption", { stars: entry.stars })],
    [t("form.certificateNumber"), entry.certificate_number],
    [t("form.decisionNumber"), entry.decision_number ?? "—"],
    [t("form.issuingLevel"), t(`levels.${entry.issuing_level}`)],
    [t("form.issuedOn"), calendarDay(entry.issued_on, locale)],
    [t("form.expiresOn"), calendarDay(entry.expires_on, locale)],
  ]
  return (
    <CommuneFrame locale={locale} me={me} section="/registry" pathname={pathname}>
      <p>{back}</p>
      <h1>{entry.product_name}</h1>
      <StatusNotice text={status ? t(`done.${status}`) : null} />
      <EntryFlags entry={entry} locale={locale} />
      <dl className="commune-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="listing-title">
        <h2 id="listing-title">{t("listingTitle")}</h2>
        {entry.listing ? (
          <p data-testid="linked-listing">
            {entry.listing.handle && entry.online ? (
              <a href={localePath(locale, productPath(entry.listing.handle))}>
                {entry.listing.title}
              </a>
            ) : (
              entry.listing.title
            )}
          </p>
        ) : (
          <p className="muted">{t("noListing")}</p>
        )}
        {readOnly ? null : seller?.ok ? (
          <CommuneActionForm
            action={linkEntry}
            hidden={{ locale, id: entry.id, back: here }}
            initial={{ product_id: entry.product_id ?? "" }}
            fields={[
              {
                kind: "select",
                name: "product_id",
                label: t("chooseListing"),
                placeholder: t("chooseListingPlaceholder"),
                required: true,
                options: seller.data.products.map((p) => ({
                  value: p.id,
                  label: `${p.title ?? p.id} (${p.status === "published" ? t("published") : t("draft")})`,
                })),
              },
            ]}
            submit={entry.listing ? t("relink") : t("link")}
            pending={t("working")}
            secondary={
              entry.listing ? { name: "unlink", value: "1", label: t("unlink") } : undefined
            }
            testId="link-form"
          />
        ) : seller ? (
          <LoadError error={seller.error} retryHref={here} />
        ) : null}
      </section>
      {readOnly || !sellers ? null : (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("editTitle")}</h2>
          {sellers.ok ? (
            <EntryEditor
              locale={locale}
              id={entry.id}
              sellers={sellers.data}
              initial={{
                seller_id: entry.seller_id,
                product_name: entry.product_name,
                group: entry.group,
                stars: String(entry.stars),
                certificate_number: entry.certificate_number,
                decision_number: entry.decision_number ?? "",
                issuing_level: entry.issuing_level,
                issued_on: entry.issued_on,
                expires_on: entry.expires_on,
              }}
            />
          ) : (
            <LoadError error={sellers.error} retryHref={here} />
          )}
        </section>
      )}
    </CommuneFrame>
  )
}
