import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { OriginBatchSummary } from "@/components/portal/origin-batch-summary"
import { OriginChain } from "@/components/portal/origin-chain"
import { OriginRecallForm } from "@/components/portal/origin-recall-form"
import { OriginStatusNotice } from "@/components/portal/origin-status"
import { OriginUnavailable } from "@/components/portal/origin-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { EventTimeline } from "@/components/trace/event-timeline"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { sealBatchAction } from "@/lib/portal/origin-actions"
import { getBatch, getEvents, isBatchId, verifyChain } from "@/lib/portal/origin-api"
import { originStatus, param } from "@/lib/portal/origin-page"
import { reshapeChainCheck } from "@/lib/traceability/chain"
import { reshapeEvents } from "@/lib/traceability/reshape-events"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  return { title: t("batchTitle"), robots: { index: false } }
}

/** One batch: details, the diary's chain check, the diary, and sealing or recalling it. */
export default async function BatchPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const t = await getTranslations("Portal.origin")
  const path = `/seller/origin/${id}`
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="seller" pathname={path} title={t("batchTitle")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  if (!isBatchId(id)) notFound()
  const [batch, events, chain] = await Promise.all([
    getBatch(locale, id),
    getEvents(locale, id),
    verifyChain(locale, id),
  ])
  // Another seller's batch is a 404 from the service, exactly like one that does not exist.
  if (!batch.ok && batch.error.status >= 400 && batch.error.status < 500) notFound()
  if (!batch.ok) {
    return (
      <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
        <h1>{t("batchTitle")}</h1>
        <OriginUnavailable retryHref={here} />
      </SellerFrame>
    )
  }
  const b = batch.data
  const status = originStatus(param((await searchParams).status))
  return (
    <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
      <p>
        <a href={localePath(locale, "/seller/origin")}>{t("backToList")}</a>
      </p>
      <h1>
        <span className="clamp-3" title={b.product_title}>
          {b.product_title}
        </span>
        <span className="origin-subtitle">{t("lotLine", { lot: b.lot_code })}</span>
      </h1>
      {status ? <OriginStatusNotice status={status} /> : null}
      <p>
        <span className={`origin-state origin-state-${b.state}`} data-testid="batch-state">
          {t(`state.${b.state}`)}
        </span>
      </p>
      {b.state === "recalled" ? (
        <p className="notice notice-error">
          {t("recalledNotice", { reason: b.recall_reason ?? "" })}
        </p>
      ) : null}
      <nav className="origin-actions" aria-label={t("batchActions")}>
        {b.state !== "recalled" ? (
          <a
            className="button"
            href={localePath(locale, `${path}/events/new`)}
            data-testid="add-event"
          >
            {t("addEvent")}
          </a>
        ) : null}
        <a
          className="button button-secondary"
          href={localePath(locale, `${path}/stamps`)}
          data-testid="to-stamps"
        >
          {t("toStamps")}
        </a>
      </nav>
      <h2>{t("chain.title")}</h2>
      <OriginChain check={chain.ok ? chain.data : null} />
      <div id="timeline">
        {events.ok ? (
          <EventTimeline
            events={reshapeEvents(events.data.events)}
            locale={locale}
            chain={chain.ok ? reshapeChainCheck(chain.data) : null}
          />
        ) : (
          <OriginUnavailable retryHref={here} />
        )}
      </div>
      <h2>{t("detailsTitle")}</h2>
      <OriginBatchSummary batch={b} locale={locale} />
      {b.state === "open" ? (
        <section className="origin-box" aria-labelledby="seal-heading">
          <h2 id="seal-heading">{t("seal.title")}</h2>
          <p className="muted">{t("seal.body")}</p>
          <form action={sealBatchAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="batch_id" value={b.id} />
            <button type="submit" className="button button-secondary">
              {t("seal.submit")}
            </button>
          </form>
        </section>
      ) : null}
      {b.state !== "recalled" ? (
        <details className="origin-box origin-danger">
          <summary>{t("recall.title")}</summary>
          <p className="muted">{t("recall.body")}</p>
          <OriginRecallForm
            locale={locale}
            batchId={b.id}
            labels={{
              reason: t("recall.reason"),
              understood: t("recall.understood"),
              submit: t("recall.submit"),
              saving: t("saving"),
            }}
          />
        </details>
      ) : null}
    </SellerFrame>
  )
}
