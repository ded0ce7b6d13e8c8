import { readFile } from "node:fs/promises"
import path from "node:path"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ADMIN_UNIT_MODULE } from "../modules/admin-unit"
import type { ImportCounts } from "../modules/admin-unit/import-plan"
import type AdminUnitModuleService from "../modules/admin-unit/service"
import { AdminUnitsImportError, isAdminUnitsImportError } from "../modules/admin-unit/service"
import { parseUnitsFile, type UnitsFileIssue } from "../modules/admin-unit/units-file"

/**
 * `medusa exec ./src/scripts/import-admin-units.ts <file.csv>` (or `npm run import:units --
 * <file.csv>` from the repository root): loads provinces, communes and villages from a CSV.
 * Every row is checked before anything is written; then all of it is upserted in one
 * transaction, so a re-import of the same file changes nothing.
 */
export default async function importAdminUnits({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (args.length !== 1) {
    throw new Error("Usage: medusa exec ./src/scripts/import-admin-units.ts <file.csv>")
  }
  const file = resolveInputPath(args[0]!)
  try {
    const counts = await importAdminUnitsFile(container, file)
    logger.info(`Admin units from ${file}: ${formatCounts(counts)}`)
  } catch (error) {
    if (!isAdminUnitsImportError(error)) throw error
    for (const issue of error.issues) logger.error(formatIssue(issue))
    throw new Error(`${file}: ${error.issues.length} problem(s), nothing was imported`)
  }
}

/** The 3,321 communes in force since 1 July 2025, shipped with the module (see its data/README.md). */
export const NATIONAL_COMMUNES_FILE = path.join(
  __dirname,
  "..",
  "modules",
  "admin-unit",
  "data",
  "communes.csv",
)

/** The one code path of the command and the seeds. */
export async function importAdminUnitsFile(
  container: MedusaContainer,
  file: string,
): Promise<ImportCounts> {
  const text = await readFile(file, "utf8")
  const { rows, issues } = parseUnitsFile(text)
  if (issues.length) throw new AdminUnitsImportError(issues)
  const adminUnits = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  return adminUnits.importUnits(rows)
}

/**
 * npm runs scripts from the package's folder but records where it was called in INIT_CWD, so
 * `npm run import:units -- units.csv` reads units.csv from the caller's folder.
 */
export function resolveInputPath(file: string, env = process.env, cwd = process.cwd()) {
  return path.resolve(env.INIT_CWD || cwd, file)
}

export function formatCounts(c: ImportCounts): string {
  const level = (name: string, l: ImportCounts["by_level"]["province"]) =>
    `${name} ${l.created}/${l.updated}/${l.unchanged}`
  return (
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged ` +
    `(created/updated/unchanged: ${level("provinces", c.by_level.province)}, ` +
    `${level("communes", c.by_level.commune)}, ${level("villages", c.by_level.village)})`
  )
}

export function formatIssue(issue: UnitsFileIssue): string {
  const where = issue.line ? `dòng/line ${issue.line}` : "tệp/file"
  return `${where} [${issue.field}]: ${issue.message.vi} (${issue.message.en})`
}
