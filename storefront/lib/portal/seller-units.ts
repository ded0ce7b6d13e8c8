"use server"

import { medusa } from "@/lib/medusa/client"
import type { Option } from "./seller-form"

type CommuneDetail = { commune: { villages?: { code: string; name: string }[] } }

/** The villages (thôn, tổ dân phố) of a commune, for the sign-up form's third picker. */
export async function villagesOf(communeCode: string): Promise<Option[]> {
  if (!/^\d{5}$/.test(communeCode)) return []
  try {
    const { commune } = await medusa().client.fetch<CommuneDetail>(
      `/store/admin-units/communes/${communeCode}`,
      // Villages change by decision of the commune, not by the minute: a day, like the pickers.
      { next: { revalidate: 86_400, tags: ["admin-units"] } },
    )
    return (commune.villages ?? []).map((v) => ({ value: v.code, label: v.name }))
  } catch {
    return []
  }
}
