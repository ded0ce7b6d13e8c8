import { getCartItemCount } from "@/lib/medusa/cart"

// The header's cart count for catalogue pages, whose HTML is cached and shared by every buyer:
// the count is per buyer, so it is asked for apart (components/layout/cart-count.tsx) and never
// stored by any cache.
export async function GET() {
  return Response.json(
    { count: await getCartItemCount() },
    { headers: { "cache-control": "private, no-store" } },
  )
}
