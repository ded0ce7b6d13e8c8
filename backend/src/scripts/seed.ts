import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ADMIN_UNIT_MODULE } from "../modules/admin-unit"
import type AdminUnitModuleService from "../modules/admin-unit/service"
import { seedDemoCommune } from "./demo/seed-demo"
import { formatCounts, importAdminUnitsFile, NATIONAL_COMMUNES_FILE } from "./import-admin-units"

/**
 * `medusa exec ./src/scripts/seed.ts`: the country's communes, then the demo commune's store,
 * sellers, products and the storefront's publishable key. Idempotent: every record is looked up
 * before it is created, so a second run changes nothing.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await warnIfOldDemoCodes(container, logger)
  // Every buyer's address needs its commune, not only the demo's: one bulk import, a no-op when
  // the stored list already matches.
  const started = Date.now()
  const national = await importAdminUnitsFile(container, NATIONAL_COMMUNES_FILE)
  logger.info(`National communes: ${formatCounts(national)} in ${Date.now() - started} ms`)
  const result = await seedDemoCommune(container)
  logger.info(
    `Seed done: ${
      result.created.length
        ? `created ${result.created.join(", ")}`
        : "nothing to do, already seeded"
    }`,
  )
}

/**
 * Before December 2026 the demo gave Gia Phú the code 02989, which the national list gives
 * Xã Bảo Hà: loading the list renames that commune, and the demo's old sellers would sit in Bảo
 * Hà. Re-coding sellers, officers and indicators in place is not worth it for demo data, so say
 * how to start over instead of leaving a confusing demo.
 */
async function warnIfOldDemoCodes(
  container: ExecArgs["container"],
  logger: { warn: (message: string) => void },
) {
  const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const [old] = await units.listCommunes({ code: "02989", name: "Xã Gia Phú" })
  if (!old) return
  logger.warn(
    "This database holds the old demo, where Gia Phú had code 02989 (now Xã Bảo Hà, Gia Phú is " +
      "02923). Drop the backend database and run npm start again for a consistent demo.",
  )
}
