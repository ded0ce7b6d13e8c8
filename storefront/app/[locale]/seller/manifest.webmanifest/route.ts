import { hasLocale } from "next-intl"
import { routing } from "@/i18n/routing"

// The seller portal's web app manifest, one per language: installed from /vi/seller it opens
// /vi/seller. Icons are public/seller-icon-{192,512}.png (maskable: the sprout sits inside the
// safe zone).

const NAMES = {
  vi: {
    name: "Chợ số HTX – Người bán",
    short: "HTX Người bán",
    description:
      "Cổng người bán: đơn hàng, sản phẩm, nhật ký sản xuất và tem nguồn gốc, cả khi không có mạng.",
  },
  en: {
    name: "Chợ số HTX – Sellers",
    short: "HTX Sellers",
    description:
      "The seller portal: orders, products, the production diary and origin stamps, even without a connection.",
  },
} as const

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) return new Response("Not found", { status: 404 })
  const text = NAMES[locale]
  const manifest = {
    id: `/${locale}/seller`,
    name: text.name,
    short_name: text.short,
    description: text.description,
    lang: locale,
    start_url: `/${locale}/seller`,
    scope: `/${locale}/seller`,
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#2f6b3a",
    icons: [192, 512].flatMap((size) =>
      ["any", "maskable"].map((purpose) => ({
        src: `/seller-icon-${size}.png`,
        sizes: `${size}x${size}`,
        type: "image/png",
        purpose,
      })),
    ),
  }
  return new Response(JSON.stringify(manifest), {
    headers: {
      "content-type": "application/manifest+json; charset=utf-8",
      "cache-control": "public, max-age=3600",
    },
  })
}
