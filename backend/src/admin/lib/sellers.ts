import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type SellerState = "pending" | "approved" | "suspended"

export interface AdminSeller {
  id: string
  handle: string
  name: string
  kind: "cooperative" | "household"
  state: SellerState
  state_reason: string | null
  state_changed_at: string | null
  tax_code: string | null
  phone: string | null
  commune: { code: string; name: string | null }
  province: { code: string; name: string | null }
  product_count: number
  published_product_count: number
  created_at: string
}

interface SellerList {
  sellers: AdminSeller[]
  count: number
  limit: number
  offset: number
}

const KEY = ["coop-sellers"]

export function useSellers(params: { state?: SellerState; limit: number; offset: number }) {
  return useQuery({
    queryKey: [...KEY, params],
    queryFn: () =>
      sdk.client.fetch<SellerList>("/admin/sellers", {
        query: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)),
      }),
  })
}

/** Approves or suspends a seller, then refreshes every seller list on screen. */
export function useSetSellerState() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({
      id,
      action,
      reason,
    }: {
      id: string
      action: "approve" | "suspend"
      reason?: string
    }) =>
      sdk.client.fetch<{ seller: AdminSeller }>(`/admin/sellers/${id}/${action}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  })
}
