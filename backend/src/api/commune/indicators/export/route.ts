import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officerArea } from "../../../../lib/indicators/area"
import {
  REPORT_CONTENT_TYPES,
  type ReportExport,
  reportCsv,
  reportFileName,
  reportXlsx,
} from "../../../../lib/indicators/export"
import {
  allCountedItems,
  parseQuarterParam,
  readWithPrevious,
} from "../../../../lib/indicators/read"
import { reportRows } from "../../../../lib/indicators/report"
import { ADMIN_UNIT_MODULE } from "../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../modules/admin-unit/service"
import { communeAccess } from "../../../utils/access"
import { badRequest } from "../../../utils/errors"

/**
 * The quarter's report to send upward (`?quarter=&format=csv|xlsx`), Vietnamese headers: the
 * officer's commune, or for a province officer the province's totals and each commune's rows;
 * then what each indicator counted there (the counted route's items), only in the officer's area.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const format = req.query.format ?? "xlsx"
  if (format !== "csv" && format !== "xlsx") {
    throw badRequest("format", { vi: `"format" là csv hoặc xlsx`, en: `"format" is csv or xlsx` })
  }
  const quarter = parseQuarterParam(req.query.quarter)
  const { area, describe } = await officerArea(
    req.scope,
    communeAccess(req),
    req.query.commune_code,
  )
  const [read, counted] = await Promise.all([
    readWithPrevious(req.scope, area, quarter),
    area.commune_code ? allCountedItems(req.scope, area.commune_code, quarter) : undefined,
  ])
  const report: ReportExport = {
    scope: area.commune_code ? "commune" : "province",
    area: describe.commune
      ? { code: describe.commune.code, name: describe.commune.name }
      : { code: describe.province.code, name: describe.province.name ?? describe.province.code },
    province_name: describe.commune ? describe.province.name : null,
    quarter,
    previous_quarter: read.previous_quarter,
    rows: reportRows(read.indicators, read.previous),
    closed_at: read.closed?.closed_at ? new Date(read.closed.closed_at).toISOString() : null,
    generated_at: new Date(),
    counted,
  }
  if (!area.commune_code) {
    const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
    const communes = await units.listCommunes(
      { province_code: describe.province.code },
      { select: ["code", "name"], order: { code: "ASC" } },
    )
    report.communes = await Promise.all(
      communes.map(async (c) => {
        const [one, counted] = await Promise.all([
          readWithPrevious(req.scope, { commune_code: c.code }, quarter),
          allCountedItems(req.scope, c.code, quarter),
        ])
        return {
          code: c.code,
          name: c.name,
          rows: reportRows(one.indicators, one.previous),
          counted,
        }
      }),
    )
  }
  res.setHeader("content-type", REPORT_CONTENT_TYPES[format])
  res.setHeader("content-disposition", `attachment; filename="${reportFileName(report, format)}"`)
  res.send(format === "csv" ? reportCsv(report) : await reportXlsx(report))
}
