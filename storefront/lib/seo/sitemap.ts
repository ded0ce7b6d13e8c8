import { categoryPath, communePath, productPath, sellerPath } from "../../i18n/paths"
import { routing } from "../../i18n/routing"
import type { Category, Commune, Product, Seller } from "../medusa/types"
import { pageAlternates } from "./alternates"

// The sitemap's entries as a pure function of the catalogue: every public page in both
// languages, each naming its other-language version, dated by the newest product change it shows.

export type SitemapEntry = {
  url: string
  lastModified?: Date
  alternates: { languages: Record<string, string> }
}

export type SitemapInput = {
  origin: string
  products: Product[]
  sellers: Seller[]
  categories: Category[]
  communes: Commune[]
}

function newest(products: Product[]): Date | undefined {
  let latest: Date | undefined
  for (const product of products) {
    if (product.updatedAt && (!latest || product.updatedAt > latest)) latest = product.updatedAt
  }
  return latest
}

export function sitemapEntries({
  origin,
  products,
  sellers,
  categories,
  communes,
}: SitemapInput): SitemapEntry[] {
  const page = (path: string, shown: Product[]): SitemapEntry[] => {
    const lastModified = newest(shown)
    return routing.locales.map((locale) => {
      const { canonical, languages } = pageAlternates(locale, path)
      return {
        url: `${origin}${canonical}`,
        ...(lastModified ? { lastModified } : {}),
        alternates: {
          languages: Object.fromEntries(
            Object.entries(languages).map(([language, href]) => [language, `${origin}${href}`]),
          ),
        },
      }
    })
  }
  const ofSeller = (handle: string) => products.filter((p) => p.seller?.handle === handle)
  const sellerCommune = new Map(sellers.map((s) => [s.handle, s.commune?.code ?? null]))
  return [
    ...page("/", products),
    ...categories.flatMap((category) =>
      page(
        categoryPath(category.handle),
        products.filter((p) => p.categories.some((c) => c.handle === category.handle)),
      ),
    ),
    ...communes.flatMap((commune) =>
      page(
        communePath(commune.code),
        products.filter((p) => p.seller && sellerCommune.get(p.seller.handle) === commune.code),
      ),
    ),
    ...sellers.flatMap((seller) => page(sellerPath(seller.handle), ofSeller(seller.handle))),
    ...products.flatMap((product) => page(productPath(product.handle), [product])),
  ]
}
