import { conflict, notFound } from "../domain/errors.js"
import { verifyScanToken } from "../domain/scan-token.js"
import { findImpossibleTravel, type Verdict } from "../domain/verdict.js"
import { msg } from "../messages.js"
import type { ScanService } from "../scans/scan-service.js"
import { inTransaction } from "../store/db.js"
import { findScanNetwork, flagImpossibleTravel, insertScanLocation } from "../store/scans.js"
import type { ServiceDeps } from "./context.js"

/** A location is only taken this soon after its scan: later, it says nothing about the scan. */
export const LOCATION_WINDOW_MINUTES = 30

/** Where a buyer's phone was, as they agreed to share it. */
export interface SharedLocation {
  lat: number
  lng: number
  /** Metres, when the phone said. */
  accuracyM: number | null
}

export interface LocatedScan {
  serial: string
  /** Another located scan of the stamp, from another network, was too far away too quickly. */
  impossibleTravel: boolean
  /** The scan's verdict, with what is known now (the flag just raised included). */
  verdict: Verdict
}

/**
 * The locations buyers share with their scans, and the counterfeit rule they feed: two located
 * scans of one stamp from different networks, further apart than SCAN_TRAVEL_KM within
 * SCAN_TRAVEL_MINUTES, make the stamp suspicious. The signed scan id is the only authorisation:
 * whoever holds it may locate that scan, once, within LOCATION_WINDOW_MINUTES of it.
 */
export class ScanLocationService {
  constructor(
    private readonly deps: Pick<ServiceDeps, "pool" | "config">,
    private readonly scans: ScanService,
  ) {}

  /**
   * Attaches the location to the scan the token names. Refused: a token this service did not
   * sign (not_found), a scan older than the window (conflict `too_late`), a scan already located
   * (conflict); nothing is written then.
   */
  async attach(token: string, shared: SharedLocation): Promise<LocatedScan> {
    const claims = verifyScanToken(token, this.scans.tokenKey)
    if (!claims) throw notFound(msg.scanNotFound())
    const age = Date.now() - claims.scannedAt.getTime()
    if (age > LOCATION_WINDOW_MINUTES * 60_000) {
      throw conflict(msg.locationTooLate(LOCATION_WINDOW_MINUTES), "too_late")
    }
    const location = {
      scanId: claims.scanId,
      serial: claims.serial,
      scannedAt: claims.scannedAt,
      lat: shared.lat,
      lng: shared.lng,
      accuracyM: shared.accuracyM,
    }
    const { travelKm, travelMinutes } = this.deps.config.resolver
    // The scan's own network (not the poster's: the storefront's server posts for the buyer)
    // comes from the scan log; write this instance's pending scans so it is there.
    await this.scans.flush()
    const impossible = await inTransaction(this.deps.pool, async (client) => {
      const network = await findScanNetwork(client, claims.scanId)
      const others = await insertScanLocation(client, location, travelMinutes)
      if (others === null) throw conflict(msg.scanHasLocation())
      const found = findImpossibleTravel(
        {
          lat: location.lat,
          lng: location.lng,
          accuracyM: location.accuracyM,
          network,
          at: claims.scannedAt,
        },
        others.map((o) => ({
          lat: o.lat,
          lng: o.lng,
          accuracyM: o.accuracy_m,
          network: o.ip_prefix,
          at: o.scanned_at,
        })),
        { maxDistanceKm: travelKm, withinMinutes: travelMinutes },
      )
      if (found) await flagImpossibleTravel(client, location)
      return found !== null
    })
    if (impossible) await this.scans.flagStamp(claims.serial)
    const answer = await this.scans.peek(claims.serial, null, { token, claims })
    return {
      serial: claims.serial,
      impossibleTravel: impossible,
      verdict: answer?.verdict ?? "not_genuine",
    }
  }
}
