import type { MedusaContainer } from "@medusajs/framework/types"
import { badRequest } from "./errors"

export interface CommuneUnit {
  code: string
  name: string
  province_code: string
  province_name?: string
}

interface AdminUnitService {
  getCommune(code: string): Promise<CommuneUnit | null>
}

/** The commune with this official code, or a 400 naming the field. */
export async function requireCommune(
  container: MedusaContainer,
  code: string,
  field: string,
): Promise<CommuneUnit> {
  const units = container.resolve<AdminUnitService>("adminUnit")
  const commune = await units.getCommune(code)
  if (!commune) {
    throw badRequest(field, {
      vi: `Không có xã/phường mã ${code}`,
      en: `There is no commune with code ${code}`,
    })
  }
  return commune
}
