import { postSigned } from "@coop/contracts/signature"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SELLER_MODULE } from "../modules/seller"
import type SellerModuleService from "../modules/seller/service"

/**
 * Tells the traceability service which sellers are approved, pending or suspended: POST
 * `{TRACEABILITY_URL}/sellers/states` with `{sellers: [{id, state, changed_at}]}`, signed with
 * `X-Coop-Signature` (INDICATORS_WEBHOOK_SECRET, the secret the two services already share).
 * The resolver answers a suspended seller's stamps `seller_suspended` from what it was told here,
 * without calling the backend per scan, so it keeps working while the shop is down.
 *
 * Sent when a seller's state changes (subscribers/traceability-seller-states.ts) and, for every
 * seller, every few minutes (jobs/push-seller-states.ts), so a push lost while traceability was
 * down is made good. The receiver keeps the newest `changed_at`, so order and repeats do not matter.
 */

export interface SellerStateFact {
  id: string
  state: "pending" | "approved" | "suspended"
  changed_at: string | null
}

type Config = { url: string; secret: string; timeoutMs: number }
type Log = { warn: (message: string) => void }

export function sellerStatesConfig(env = process.env): Config | null {
  const base = env.TRACEABILITY_URL?.trim().replace(/\/+$/, "")
  const secret = env.INDICATORS_WEBHOOK_SECRET?.trim()
  if (!base || !secret) return null
  return { url: `${base}/sellers/states`, secret, timeoutMs: 5_000 }
}

/** The facts of these sellers (all of them when `ids` is left out), as the database holds them. */
export async function loadSellerStates(
  container: MedusaContainer,
  ids?: string[],
): Promise<SellerStateFact[]> {
  const sellers = await container
    .resolve<SellerModuleService>(SELLER_MODULE)
    .listSellers(ids ? { id: ids } : {}, { select: ["id", "state", "state_changed_at"] })
  return sellers.map((s) => ({
    id: s.id,
    state: s.state,
    changed_at: s.state_changed_at ? new Date(s.state_changed_at).toISOString() : null,
  }))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * POSTs the facts in chunks of 1,000, each tried up to `attempts` times (1 s, 2 s, ... apart).
 * Resolves to the failures (empty when every chunk was taken); never throws.
 */
export async function pushSellerStates(
  facts: SellerStateFact[],
  config: Config | null = sellerStatesConfig(),
  { attempts = 3, log }: { attempts?: number; log?: Log } = {},
): Promise<string[]> {
  if (!config || facts.length === 0) return []
  const failures: string[] = []
  for (let start = 0; start < facts.length; start += 1_000) {
    const body = JSON.stringify({ sellers: facts.slice(start, start + 1_000) })
    let failure: string | null = null
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(1_000 * 2 ** (attempt - 1))
      failure = await postSigned(config.url, body, config.secret, config.timeoutMs)
      if (!failure) break
    }
    if (failure) {
      failures.push(failure)
      log?.warn(
        `seller states not delivered to traceability (${failure}); the periodic push retries`,
      )
    }
  }
  return failures
}
