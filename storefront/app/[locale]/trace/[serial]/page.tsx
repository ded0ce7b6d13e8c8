import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PageShell } from "@/components/layout/page-shell"
import { BatchDetails } from "@/components/trace/batch-details"
import { BuyProduct } from "@/components/trace/buy-product"
import { CertificationList } from "@/components/trace/certification-list"
import { EventTimeline } from "@/components/trace/event-timeline"
import { RecallNotice } from "@/components/trace/recall-notice"
import { SellerCard } from "@/components/trace/seller-card"
import { ShareLocation, type ShareLocationMessages } from "@/components/trace/share-location"
import { StampSerial } from "@/components/trace/stamp-serial"
import { TraceUnavailable } from "@/components/trace/trace-unavailable"
import { TraceVerdict } from "@/components/trace/trace-verdict"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath, tracePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { getProductById, type Product, StoreUnavailableError } from "@/lib/medusa"
import {
  getChainCheck,
  getProvenance,
  LOCATION_WINDOW_MS,
  type Provenance,
  type StampProvenance,
  TraceUnavailableError,
} from "@/lib/traceability"
import { arrivingScan } from "@/lib/traceability/scan"
import { shareLocation } from "./actions"

type Props = {
  params: Promise<{ locale: string; serial: string }>
  searchParams: Promise<{ scan?: string | string[] }>
}

function decodeSerial(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The service's verdict, or "unavailable" when it could not give one. */
async function loadProvenance(
  serial: string,
  scanId: string | undefined,
): Promise<Provenance | "unavailable"> {
  try {
    return await getProvenance(serial, scanId)
  } catch (error) {
    if (error instanceof TraceUnavailableError) return "unavailable"
    throw error
  }
}

/** The product as the shop sells it; null when the shop is down or no longer sells it. */
async function loadProduct(productId: string): Promise<Product | null> {
  try {
    return await getProductById(productId)
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
    throw error
  }
}

const LOCATION_MESSAGES = [
  "title",
  "button",
  "explain",
  "locating",
  "sending",
  "thanks",
  "suspicious",
  "denied",
  "noPosition",
  "tooLate",
  "alreadyShared",
  "failed",
] as const

async function locationMessages(): Promise<ShareLocationMessages> {
  const t = await getTranslations("TraceLocation")
  return Object.fromEntries(LOCATION_MESSAGES.map((key) => [key, t(key)])) as ShareLocationMessages
}

/** Whether to offer the location button: a genuine stamp, reached by a scan the service still takes. */
function locatableScan(provenance: StampProvenance, now: number): string | null {
  const { scan, verdict } = provenance
  if (!scan || (verdict !== "genuine_first_scan" && verdict !== "genuine_repeat")) return null
  return now - scan.scannedAt.getTime() < LOCATION_WINDOW_MS ? scan.id : null
}

// No provenance here: the page's read counts nothing, but one view should stay one read.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Trace")
  return { title: t("metaTitle"), robots: { index: false, follow: false } }
}

async function StampPage({
  provenance,
  locale,
  pagePath,
}: {
  provenance: StampProvenance
  locale: Locale
  pagePath: string
}) {
  // Side by side: neither the shop nor the chain check may hold up the other.
  const [product, chain] = await Promise.all([
    loadProduct(provenance.product.id),
    getChainCheck(provenance.batch.id),
  ])
  const productHref = product ? localePath(locale, productPath(product.handle)) : null
  const variant = product?.variants[0]
  const scanId = locatableScan(provenance, Date.now())
  const vouched =
    provenance.verdict === "genuine_first_scan" || provenance.verdict === "genuine_repeat"
  // "Buy straight from the producer" would contradict the verdict, and the shop drops a suspended
  // seller's products only once its cached catalogue is revalidated, a moment after the service
  // already says so.
  const sellerSuspended = provenance.verdict === "seller_suspended"
  return (
    <>
      <TraceVerdict verdict={provenance.verdict} provenance={provenance} locale={locale} />
      {provenance.batch.state === "recalled" ? (
        <RecallNotice reason={provenance.batch.recallReason} />
      ) : null}
      <BatchDetails
        provenance={provenance}
        locale={locale}
        productHref={productHref}
        englishTitle={product?.en.title}
      />
      {productHref && variant && provenance.batch.state !== "recalled" && !sellerSuspended ? (
        <BuyProduct
          locale={locale}
          variantId={variant.id}
          productHref={productHref}
          returnPath={localePath(locale, pagePath)}
          warned={!vouched}
        />
      ) : null}
      <SellerCard seller={provenance.seller} />
      <CertificationList certifications={provenance.certifications} locale={locale} />
      <EventTimeline events={provenance.events} locale={locale} chain={chain} />
      {scanId ? (
        <ShareLocation scanId={scanId} messages={await locationMessages()} share={shareLocation} />
      ) : null}
    </>
  )
}

export default async function TracePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const serial = decodeSerial((await params).serial)
  // The resolver names this scan (in a cookie, or in the URL for a storefront on another
  // site), so the verdict is the one this scan got; the language switch keeps it.
  const scan = await arrivingScan((await searchParams).scan)
  const pathname = tracePath(serial)
  const pagePath =
    scan.id && scan.inUrl ? `${pathname}?scan=${encodeURIComponent(scan.id)}` : pathname
  const provenance = await loadProvenance(serial, scan.id)
  return (
    <PageShell locale={locale} pathname={pagePath}>
      {provenance === "unavailable" ? (
        <TraceUnavailable retryHref={localePath(locale, pagePath)} />
      ) : provenance.verdict === "not_genuine" ? (
        <>
          <TraceVerdict verdict="not_genuine" />
          <StampSerial serial={serial} />
        </>
      ) : (
        <StampPage provenance={provenance} locale={locale} pagePath={pagePath} />
      )}
    </PageShell>
  )
}
