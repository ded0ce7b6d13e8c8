import { randomUUID } from "node:crypto"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { OrderPoller } from "@/components/order/order-poller"
import { OriginIssueForm, OriginVoidForm } from "@/components/portal/origin-stamp-forms"
import { OriginStampTable } from "@/components/portal/origin-stamp-table"
import { OriginStatusNotice } from "@/components/portal/origin-status"
import { OriginUnavailable } from "@/components/portal/origin-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { formatQuantity } from "@/lib/format"
import { sellerContext } from "@/lib/portal/context"
import {
  getBatch,
  getStampJob,
  isBatchId,
  listStamps,
  type StampJob,
} from "@/lib/portal/origin-api"
import { INLINE_MAX } from "@/lib/portal/origin-forms"
import { originStatus, param } from "@/lib/portal/origin-page"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  return { title: t("stamps.title"), robots: { index: false } }
}

/**
 * A batch's stamps: issue a run (big runs show their progress and refresh by themselves), the
 * PDF sheet and CSV, the stamps with their scans and counterfeit signals, and voiding a lost roll.
 */
export default async function StampsPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const query = await searchParams
  const t = await getTranslations("Portal.origin")
  const ts = await getTranslations("Portal.origin.stamps")
  const jobId = param(query.job)
  const afterSeq = Math.max(0, Number.parseInt(param(query.after), 10) || 0)
  const signalsOnly = param(query.signals) === "1"
  const base = `/seller/origin/${id}/stamps`
  const path = jobId ? `${base}?job=${encodeURIComponent(jobId)}` : base
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="seller" pathname={path} title={ts("title")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  if (!isBatchId(id)) notFound()
  // The job is read before the stamps: a job read as done after its totals were counted would
  // show "done" beside the count of a run still being written (CI saw 1.018 of 2.518).
  const job = isBatchId(jobId) ? await getStampJob(locale, jobId) : null
  const [batch, list] = await Promise.all([
    getBatch(locale, id),
    listStamps(locale, id, { afterSeq, signalsOnly }),
  ])
  if (!batch.ok && batch.error.status >= 400 && batch.error.status < 500) notFound()
  const b = batch.ok ? batch.data : null
  const files = (kind: "pdf" | "csv", forJob?: StampJob) =>
    `${localePath(locale, `/seller/origin/${id}/stamps.${kind}`)}${forJob ? `?job=${forJob.id}` : ""}`
  const listHref = (after: number, signals: boolean) => {
    const q = new URLSearchParams()
    if (after) q.set("after", String(after))
    if (signals) q.set("signals", "1")
    return `${localePath(locale, base)}${q.size ? `?${q}` : ""}#stamp-list`
  }
  const status = originStatus(param(query.status))
  const j = job?.ok && job.data.batch_id === id ? job.data : null
  const n = (value: number) => formatQuantity(value, locale)
  return (
    <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
      <p>
        <a href={localePath(locale, `/seller/origin/${id}`)}>{t("backToBatch")}</a>
      </p>
      <h1>
        {ts("title")}
        {b ? (
          <span className="origin-subtitle">{`${b.product_title} · ${t("lotLine", { lot: b.lot_code })}`}</span>
        ) : null}
      </h1>
      {!b ? <OriginUnavailable retryHref={here} /> : null}
      {status ? (
        <OriginStatusNotice
          status={status}
          values={{
            count: j?.count ?? 0,
            voided: n(Number(param(query.voided)) || 0),
            already: n(Number(param(query.already)) || 0),
          }}
        />
      ) : null}
      {j ? (
        <section
          className="origin-box"
          aria-labelledby="job-heading"
          data-testid="stamp-job"
          data-state={j.state}
        >
          <h2 id="job-heading">{ts("jobTitle", { first: n(j.first_seq), last: n(j.last_seq) })}</h2>
          {j.state === "done" ? (
            <>
              <p>{ts("jobDone", { count: j.count })}</p>
              <p className="origin-downloads">
                <a className="button" href={files("pdf", j)} data-testid="job-pdf">
                  {ts("downloadPdf")}
                </a>
                <a className="button button-secondary" href={files("csv", j)}>
                  {ts("downloadCsv")}
                </a>
              </p>
            </>
          ) : j.state === "failed" ? (
            <p className="notice notice-error">
              {ts("jobFailed", { issued: n(j.issued), count: n(j.count) })}
            </p>
          ) : (
            <>
              <progress value={j.issued} max={j.count} aria-label={ts("progressLabel")} />
              <p role="status">{ts("jobProgress", { issued: n(j.issued), count: n(j.count) })}</p>
              <p className="muted">
                {ts("jobWait")} <a href={here}>{ts("refresh")}</a>
              </p>
              <OrderPoller intervalMs={2000} />
            </>
          )}
        </section>
      ) : null}
      {b && b.state !== "recalled" ? (
        <section className="origin-box" aria-labelledby="issue-heading">
          <h2 id="issue-heading">{ts("issueTitle")}</h2>
          <OriginIssueForm
            locale={locale}
            batchId={id}
            idempotencyKey={randomUUID()}
            labels={{
              count: ts("count"),
              hint: ts("countHint", { inline: n(INLINE_MAX) }),
              submit: ts("issue"),
              saving: ts("issuing"),
            }}
          />
        </section>
      ) : null}
      <section className="origin-box" aria-labelledby="files-heading">
        <h2 id="files-heading">{ts("filesTitle")}</h2>
        <p className="muted">{ts("filesBody")}</p>
        <p className="origin-downloads">
          <a className="button button-secondary" href={files("pdf")} data-testid="batch-pdf">
            {ts("downloadAllPdf")}
          </a>
          <a className="button button-secondary" href={files("csv")} data-testid="batch-csv">
            {ts("downloadAllCsv")}
          </a>
        </p>
      </section>
      <section id="stamp-list" aria-labelledby="list-heading">
        <h2 id="list-heading">{ts("listTitle")}</h2>
        <p className="origin-filter">
          {signalsOnly ? (
            <a href={listHref(0, false)}>{ts("showAll")}</a>
          ) : (
            <a href={listHref(0, true)}>{ts("showSignals")}</a>
          )}
        </p>
        {list.ok ? (
          <OriginStampTable
            list={list.data}
            locale={locale}
            nextHref={
              list.data.next_after_seq ? listHref(list.data.next_after_seq, signalsOnly) : null
            }
            firstHref={afterSeq > 0 ? listHref(0, signalsOnly) : null}
          />
        ) : (
          <OriginUnavailable retryHref={here} />
        )}
      </section>
      {b ? (
        <section className="origin-box" aria-labelledby="void-heading">
          <h2 id="void-heading">{ts("voidTitle")}</h2>
          <p className="muted">{ts("voidBody")}</p>
          <OriginVoidForm
            locale={locale}
            batchId={id}
            labels={{
              from: ts("voidFrom"),
              to: ts("voidTo"),
              serialHint: ts("serialHint"),
              reason: ts("voidReasonLabel"),
              submit: ts("voidCheck"),
              confirmTitle: ts("voidConfirmTitle"),
              confirmText: ts.raw("voidConfirmText") as string,
              confirm: ts("voidConfirm"),
              cancel: ts("voidCancel"),
              saving: t("saving"),
            }}
          />
        </section>
      ) : null}
    </SellerFrame>
  )
}
