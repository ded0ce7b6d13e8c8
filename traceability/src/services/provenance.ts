import type { CachedBatch } from "../cache/provenance-cache.js"
import { invalidInput, notFound } from "../domain/errors.js"
import { verifyScanToken } from "../domain/scan-token.js"
import { verifySerial } from "../domain/serial.js"
import { msg } from "../messages.js"
import type { ScanService, StampAnswer } from "../scans/scan-service.js"
import { findLatestBatchId } from "../store/product-batches.js"
import { findLotsByGtin, type ProductLot } from "../store/scans.js"
import type { ServiceDeps } from "./context.js"

/** What a GTIN (and maybe a lot) resolves to. */
export interface GtinRecord {
  /** The batch of the lot named, or null: no lot named, or one this service does not know. */
  batchId: string | null
  /** The lot's batch, or else the product's newest lot: its cached provenance. */
  batch: CachedBatch
  /** The product's newest lots when no known lot was named; [] otherwise. */
  lots: ProductLot[]
}

/**
 * The public provenance of stamps, products and lots read without counting a scan: the stamp
 * page's read after the resolver's redirect, what the resolver answers for `/01/{gtin}[/10/{lot}]`
 * and what the shop's product page shows. Nothing here is authorised (it is what every label
 * already tells); records come from the resolver's provenance cache, which a write to a batch
 * drops at once.
 */
export class ProvenanceService {
  constructor(
    private readonly deps: Pick<ServiceDeps, "pool" | "config">,
    private readonly scans: ScanService,
  ) {}

  /**
   * A stamp with its verdict, without counting a scan; with the scan id the resolver's redirect
   * carried, the verdict is that scan's, updated by what is known since. null for a forged serial
   * (no lookup) or an unknown one; a scan id that is not this stamp's is invalid (`scan`).
   */
  async ofStamp(serial: string, scanToken: string | null): Promise<StampAnswer | null> {
    if (!verifySerial(serial, this.deps.config.stampSigningSecret)) return null
    let scan = null
    if (scanToken !== null) {
      const claims = verifyScanToken(scanToken, this.scans.tokenKey)
      if (!claims || claims.serial !== serial) throw invalidInput("scan", msg.scanNotOfStamp())
      scan = { token: scanToken, claims }
    }
    return this.scans.peek(serial, null, scan)
  }

  /**
   * A GTIN, and a lot when named: a known lot is its batch; an unknown lot walks up to its
   * product, whose record shows its newest lots (not those of a seller whose claim to the GTIN
   * an operator refused). not_found when the GTIN has no batch.
   */
  async ofGtin(gtin: string, lot: string | null): Promise<GtinRecord> {
    const batchId = lot ? await this.scans.cache.lotBatchId(gtin, lot) : null
    const lots = batchId ? [] : await findLotsByGtin(this.deps.pool, gtin)
    const shownBatchId = batchId ?? lots[0]?.id
    const batch = shownBatchId ? await this.scans.cache.batch(shownBatchId) : null
    if (!batch) throw notFound(msg.unknownGtin(gtin))
    return { batchId, batch, lots }
  }

  /**
   * The origin of what the shop sells now: the product's newest batch that is not recalled (one
   * indexed query), for products with or without a GTIN. not_found when it has none.
   */
  async ofProduct(productId: string): Promise<CachedBatch> {
    const batchId = await findLatestBatchId(this.deps.pool, productId)
    const batch = batchId ? await this.scans.cache.batch(batchId) : null
    if (!batch) throw notFound(msg.noBatchForProduct(productId))
    return batch
  }
}
