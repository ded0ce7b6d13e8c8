import type { CachedBatch } from "../cache/provenance-cache.js"
import { notFound } from "../domain/errors.js"
import { msg } from "../messages.js"
import type { ScanService } from "../scans/scan-service.js"
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
 * The public provenance of products and lots, without a stamp: what the resolver answers for
 * `/01/{gtin}[/10/{lot}]` and what the shop's product page shows. Nothing here is authorised
 * (it is what every label already tells) and nothing counts a scan; records come from the
 * resolver's provenance cache, which a write to a batch drops at once.
 */
export class ProvenanceService {
  constructor(
    private readonly deps: Pick<ServiceDeps, "pool">,
    private readonly scans: ScanService,
  ) {}

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
