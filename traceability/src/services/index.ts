import type { ScanService } from "../scans/scan-service.js"
import { BatchService } from "./batches.js"
import type { ServiceDeps } from "./context.js"
import { EpcisService } from "./epcis.js"
import { EventService } from "./events.js"
import { ProvenanceService } from "./provenance.js"
import { ScanLocationService } from "./scan-locations.js"
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
  /** The EPCIS 2.0 query and capture interfaces. */
  epcis: EpcisService
  /** Locations buyers share with their scans, and impossible travel. */
  scanLocations: ScanLocationService
  /** Products' and lots' public provenance, without a stamp. */
  provenance: ProvenanceService
}

/**
 * Every service, once per app. `scans` is the resolver's hot path (its caches, counts and scan
 * log), which the scan-side services read through.
 */
export function createServices(deps: ServiceDeps, jobs: JobKicker, scans: ScanService): Services {
  const events = new EventService(deps)
  return {
    batches: new BatchService(deps),
    events,
    stamps: new StampService(deps, jobs),
    voids: new VoidService(deps),
    sellerTrust: new SellerTrustService(deps),
    stats: new StatsService(deps),
    epcis: new EpcisService(deps, events),
    scanLocations: new ScanLocationService(deps, scans),
    provenance: new ProvenanceService(deps, scans),
  }
}
