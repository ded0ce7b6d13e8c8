import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { StoreUnavailable } from "@/components/feedback/store-unavailable"
import { DiaryQueue } from "@/components/portal/diary-queue"
import { OriginEventForm } from "@/components/portal/origin-event-form"
import { OriginUnavailable } from "@/components/portal/origin-unavailable"
import { PortalShell } from "@/components/portal/portal-shell"
import { SellerFrame } from "@/components/portal/seller-frame"
import { KeepOffline } from "@/components/portal/seller-pwa"
import { pageLocale } from "@/i18n/locale"
import { localePath } from "@/i18n/paths"
import { sellerContext } from "@/lib/portal/context"
import { getBatch, isBatchId } from "@/lib/portal/origin-api"
import {
  COMMON_EVENT_FIELDS,
  EVENT_FIELDS,
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  isEventType,
  vietnamNow,
} from "@/lib/portal/origin-forms"
import { fieldTexts, param } from "@/lib/portal/origin-page"

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.origin")
  return { title: t("eventTitle"), robots: { index: false } }
}

/**
 * Add a diary entry. First the person picks what happened (plain links, so it works without
 * JavaScript), then fills in that type's fields.
 */
export default async function NewEventPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { id } = await params
  const t = await getTranslations("Portal.origin")
  const tEvent = await getTranslations("TraceEvent")
  const chosen = param((await searchParams).type)
  const base = `/seller/origin/${id}/events/new`
  const path = isEventType(chosen) ? `${base}?type=${chosen}` : base
  const here = localePath(locale, path)
  const context = await sellerContext(locale, here)
  if (context === "unavailable") {
    return (
      <PortalShell locale={locale} portal="seller" pathname={path} title={t("eventTitle")}>
        <StoreUnavailable retryHref={here} />
      </PortalShell>
    )
  }
  if (!isBatchId(id)) notFound()
  const batch = await getBatch(locale, id)
  if (!batch.ok && batch.error.status >= 400 && batch.error.status < 500) notFound()
  const tOffline = await getTranslations("Portal.origin.offline")
  const queue = (
    <DiaryQueue
      locale={locale}
      signInHref={localePath(locale, `/seller/sign-in?next=${encodeURIComponent(here)}`)}
      texts={{
        waiting: tOffline.raw("waiting"),
        failedCount: tOffline.raw("failedCount"),
        photos: tOffline.raw("photos"),
        title: tOffline("queueTitle"),
        intro: tOffline("queueIntro"),
        sendNow: tOffline("sendNow"),
        sending: tOffline("sending"),
        offlineNow: tOffline("offlineNow"),
        signin: tOffline("signin"),
        signinLink: tOffline("signinLink"),
        unavailable: tOffline("unavailable"),
        failed: tOffline("failed"),
        discard: tOffline("discard"),
        discardConfirm: tOffline("discardConfirm"),
        recordedAt: tOffline.raw("recordedAt"),
        types: Object.fromEntries(EVENT_TYPES.map((type) => [type, tEvent(`type.${type}`)])),
      }}
    />
  )
  const frame = (children: React.ReactNode) => (
    <SellerFrame locale={locale} me={context.me} section="/origin" pathname={path}>
      <p>
        <a href={localePath(locale, `/seller/origin/${id}`)}>{t("backToBatch")}</a>
      </p>
      <h1>{t("eventTitle")}</h1>
      {queue}
      {children}
    </SellerFrame>
  )
  if (!batch.ok) return frame(<OriginUnavailable retryHref={here} />)
  const b = batch.data
  if (b.state === "recalled") return frame(<p className="notice">{t("recalledNoEvents")}</p>)
  const allowed = b.state === "sealed" ? EVENT_TYPES_AFTER_SEALING : EVENT_TYPES
  const intro = (
    <p className="muted">{t("eventFor", { product: b.product_title, lot: b.lot_code })}</p>
  )
  // Opened once with a connection, every diary form of this batch opens without one.
  const keep = (
    <KeepOffline
      urls={[base, ...allowed.map((type) => `${base}?type=${type}`)].map((p) =>
        localePath(locale, p),
      )}
    />
  )
  if (!isEventType(chosen) || !allowed.includes(chosen)) {
    return frame(
      <>
        {intro}
        {keep}
        <h2>{t("chooseType")}</h2>
        {b.state === "sealed" ? <p className="muted">{t("sealedTypes")}</p> : null}
        <ul className="origin-types" data-testid="event-types">
          {allowed.map((type) => (
            <li key={type}>
              <a href={localePath(locale, `${base}?type=${type}`)} data-type={type}>
                <span className="origin-type-name">{tEvent(`type.${type}`)}</span>
                <span className="muted small">{t(`typeHints.${type}`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </>,
    )
  }
  const now = new Date()
  return frame(
    <>
      {intro}
      {keep}
      <p className="origin-chosen">
        <strong>{tEvent(`type.${chosen}`)}</strong>{" "}
        <a href={localePath(locale, base)}>{t("changeType")}</a>
      </p>
      <OriginEventForm
        locale={locale}
        batchId={b.id}
        type={chosen}
        now={vietnamNow(now)}
        maxTime={vietnamNow(new Date(now.getTime() + 24 * 3600_000))}
        fields={fieldTexts(t, "eventFields", [
          ...COMMON_EVENT_FIELDS,
          ...EVENT_FIELDS[chosen],
          { name: "note", kind: "textarea" },
        ])}
        photos={{
          legend: t("photos.legend"),
          camera: t("photos.camera"),
          gallery: t("photos.gallery"),
          hint: t("photos.hint"),
          kept: t("photos.kept"),
        }}
        submit={t("saveEvent")}
        saving={t("saving")}
        offline={{
          batchLabel: `${b.lot_code} · ${b.product_title}`,
          saved: tOffline("savedOffline"),
          checkFields: tOffline.raw("checkFields"),
        }}
      />
    </>,
  )
}
