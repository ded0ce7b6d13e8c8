import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { PageShell } from "@/components/layout/page-shell"
import { ProvenanceDetails } from "@/components/trace/provenance-details"
import { StampSerial } from "@/components/trace/stamp-serial"
import { TraceUnavailable } from "@/components/trace/trace-unavailable"
import { TraceVerdict } from "@/components/trace/trace-verdict"
import { pageLocale } from "@/i18n/locale"
import { localePath, productPath, tracePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { getProductById, StoreUnavailableError } from "@/lib/medusa"
import { getProvenance, type Provenance, TraceUnavailableError } from "@/lib/traceability"

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

/** The product's page in the shop; null when the shop is down or no longer sells it. */
async function loadProductHref(productId: string, locale: Locale): Promise<string | null> {
  try {
    const product = await getProductById(productId)
    return product ? localePath(locale, productPath(product.handle)) : null
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null
    throw error
  }
}

// No provenance here: every resolve is a scan, and one page view must stay one scan.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Trace")
  return { title: t("metaTitle"), robots: { index: false, follow: false } }
}

export default async function TracePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const serial = decodeSerial((await params).serial)
  const pathname = tracePath(serial)
  // The resolver's redirect names this scan, so the verdict is the one this scan got.
  const { scan } = await searchParams
  const provenance = await loadProvenance(serial, typeof scan === "string" ? scan : undefined)
  const productHref =
    provenance !== "unavailable" && provenance.verdict === "genuine"
      ? await loadProductHref(provenance.product.id, locale)
      : null
  return (
    <PageShell locale={locale} pathname={pathname}>
      {provenance === "unavailable" ? (
        <TraceUnavailable retryHref={localePath(locale, pathname)} />
      ) : provenance.verdict === "genuine" ? (
        <>
          <TraceVerdict genuine />
          <ProvenanceDetails provenance={provenance} locale={locale} productHref={productHref} />
        </>
      ) : (
        <>
          <TraceVerdict genuine={false} />
          <StampSerial serial={serial} />
        </>
      )}
    </PageShell>
  )
}
