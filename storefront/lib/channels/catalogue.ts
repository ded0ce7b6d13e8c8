import { listAllProducts, listSellers, type Product, type Seller } from "../medusa"

// What the sitemap and the feeds publish: the products a buyer can see (published, in the
// shop's sales channel, which a pending or suspended seller's products leave), of approved
// sellers only. Both reads are cached in Next's data cache with the product, seller, OCOP and
// category tags (lib/medusa), so the backend's revalidation posts refresh every feed too.

export type ChannelCatalogue = { sellers: Seller[]; products: Product[] }

/** A seller handle as the backend makes them: lower-case letters, digits and dashes. */
export function isSellerHandle(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 100
}

export class UnknownSellerError extends Error {}

/** The whole shop, or one approved seller's part of it (`UnknownSellerError` when none). */
export async function loadChannelCatalogue(sellerHandle?: string): Promise<ChannelCatalogue> {
  const [sellers, products] = await Promise.all([listSellers(), listAllProducts()])
  const approved = new Map(sellers.map((seller) => [seller.handle, seller]))
  if (sellerHandle !== undefined) {
    const seller = approved.get(sellerHandle)
    if (!seller) throw new UnknownSellerError(sellerHandle)
    return {
      sellers: [seller],
      products: products.filter((product) => product.seller?.handle === sellerHandle),
    }
  }
  return {
    sellers,
    products: products.filter((p) => p.seller?.handle && approved.has(p.seller.handle)),
  }
}
