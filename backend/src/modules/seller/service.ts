import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import { FOLD_FROM, FOLD_TO, foldSql, searchWords } from "../../lib/search-fold"
import { Helper } from "./models/helper"
import { HelperGrant } from "./models/helper-grant"
import { Seller } from "./models/seller"
import { SellerInvite } from "./models/seller-invite"
import { SellerMember } from "./models/seller-member"

/** The slice of knex the search uses. */
interface Sql {
  raw<T = unknown>(sql: string, bindings?: unknown[]): Promise<{ rows: T[] }>
}

export default class SellerModuleService extends MedusaService({
  Seller,
  SellerMember,
  SellerInvite,
  Helper,
  HelperGrant,
}) {
  protected readonly sql_: Sql

  // biome-ignore lint/suspicious/noExplicitAny: Medusa passes its module container and declaration
  constructor(container: Record<string, any>, ...rest: any[]) {
    super(container, ...rest)
    this.sql_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Sql
  }

  /**
   * The ids of the sellers in an area (none: everywhere) whose name or handle holds every word
   * of the query, diacritics and case ignored ("lo van sinh" finds "Lò Văn Sinh"). A commune's
   * sellers are few and its code is indexed, so folding each name as it is read costs little.
   */
  async searchSellerIds(
    query: string,
    area: { commune_code?: string; province_code?: string } = {},
  ): Promise<string[]> {
    const words = searchWords(query)
    if (!words.length) return []
    // The handle as written ("lo-van-sinh-2") and as words ("lo van sinh 2").
    const text = `${foldSql("name")} || ' ' || handle || ' ' || replace(handle, '-', ' ')`
    const where = ["deleted_at IS NULL", ...words.map(() => `${text} LIKE ?`)]
    const bindings: unknown[] = words.flatMap((w) => [FOLD_FROM, FOLD_TO, w])
    if (area.commune_code) {
      where.push("commune_code = ?")
      bindings.push(area.commune_code)
    }
    if (area.province_code) {
      where.push("province_code = ?")
      bindings.push(area.province_code)
    }
    const { rows } = await this.sql_.raw<{ id: string }>(
      `SELECT id FROM seller WHERE ${where.join(" AND ")}`,
      bindings,
    )
    return rows.map((r) => r.id)
  }
}
