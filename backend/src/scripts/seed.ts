import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoCommune } from "./demo/seed-demo"

/**
 * `medusa exec ./src/scripts/seed.ts`: the demo commune's store, sellers, products and the
 * storefront's publishable key. Idempotent: every record is looked up before it is created,
 * so a second run changes nothing.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await seedDemoCommune(container)
  logger.info(
    `Seed done: ${
      result.created.length
        ? `created ${result.created.join(", ")}`
        : "nothing to do, already seeded"
    }`,
  )
}
