import { BatchService } from "./batches.js"
import type { ServiceDeps } from "./context.js"
import { EventService } from "./events.js"
import { SellerTrustService } from "./seller-trust.js"
import { type JobKicker, StampService } from "./stamps.js"
import { StatsService } from "./stats.js"
import { VoidService } from "./voids.js"

export type { Caller, ServiceDeps } from "./context.js"

/** The services the routes call: authorisation and rules live here, HTTP in src/http. */
export interface Services {
  batches: BatchService
  events: EventService
  stamps: StampService
  voids: VoidService
  sellerTrust: SellerTrustService
  stats: StatsService
}

export function createServices(deps: ServiceDeps, jobs: JobKicker): Services {
  return {
    batches: new BatchService(deps),
    events: new EventService(deps),
    stamps: new StampService(deps, jobs),
    voids: new VoidService(deps),
    sellerTrust: new SellerTrustService(deps),
    stats: new StatsService(deps),
  }
}
