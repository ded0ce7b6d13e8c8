import { ContainerRegistrationKeys, MedusaService } from "@medusajs/framework/utils"
import { IndicatorCount } from "./models/indicator-count"
import { IndicatorEvent } from "./models/indicator-event"
import { IndicatorFact } from "./models/indicator-fact"
import { QuarterSnapshot } from "./models/quarter-snapshot"
import {
  applyFactsSql,
  type CountRow,
  type Fact,
  type FactIncrement,
  type FactRow,
  rebuildCountsSql,
} from "./sql"

/** The slice of knex this module uses: raw SQL, in a transaction where it writes. */
export interface Sql {
  raw<T = unknown>(sql: string, bindings?: unknown[]): Promise<{ rows: T[] }>
  transaction<T>(run: (trx: Sql) => Promise<T>): Promise<T>
}

export default class IndicatorsModuleService extends MedusaService({
  IndicatorFact,
  IndicatorCount,
  IndicatorEvent,
  QuarterSnapshot,
}) {
  protected readonly sql_: Sql

  // biome-ignore lint/suspicious/noExplicitAny: Medusa passes its module container and declaration
  constructor(container: Record<string, any>, ...rest: any[]) {
    super(container, ...rest)
    this.sql_ = container[ContainerRegistrationKeys.PG_CONNECTION] as Sql
  }

  /**
   * Sets subjects' facts to what their sources say now, and moves the counts by the difference,
   * in one transaction. Applying the same facts again changes nothing, whatever the order.
   */
  async setFacts(facts: Fact[]): Promise<void> {
    if (!facts.length) return
    await this.sql_.transaction((trx) => applyFactsSql(trx, dedupe(facts), "set"))
  }

  /**
   * Sets to zero the facts of subjects that no longer exist (a deleted listing), in the commune
   * each was counted in. Returns the subjects it found.
   */
  async clearFacts(code: string, subjectIds: string[]): Promise<string[]> {
    if (!subjectIds.length) return []
    const { rows } = await this.sql_.raw<Fact>(
      `SELECT code, dimension, subject_type, subject_id, ref_id, commune_code, province_code, period,
              0 AS numerator, 0 AS denominator
       FROM indicator_fact
       WHERE valid_to IS NULL AND deleted_at IS NULL AND code = ? AND subject_id = ANY(?)`,
      [code, subjectIds],
    )
    await this.setFacts(rows)
    return rows.map((r) => r.subject_id)
  }

  /**
   * Adds another service's counted events (stamps, scans) to the facts, each event once: events
   * already applied (by source and id) are skipped. Returns how many were new.
   */
  async addEventFacts(
    source: string,
    events: { id: string; type: string; increments: FactIncrement[] }[],
  ): Promise<{ applied: number; duplicates: number }> {
    if (!events.length) return { applied: 0, duplicates: 0 }
    return this.sql_.transaction(async (trx) => {
      const ids = [...new Set(events.map((e) => e.id))]
      const { rows } = await trx.raw<{ event_id: string }>(
        `INSERT INTO indicator_event (id, source, event_id, type, created_at, updated_at)
         SELECT 'iev_' || replace(gen_random_uuid()::text, '-', ''), ?, e.id, e.type, now(), now()
         FROM jsonb_to_recordset(?::jsonb) AS e(id text, type text)
         ON CONFLICT (source, event_id) WHERE deleted_at IS NULL DO NOTHING
         RETURNING event_id`,
        [
          source,
          JSON.stringify(ids.map((id) => ({ id, type: events.find((e) => e.id === id)!.type }))),
        ],
      )
      const fresh = new Set(rows.map((r) => r.event_id))
      const seen = new Set<string>()
      const increments = events.flatMap((e) => {
        if (!fresh.has(e.id) || seen.has(e.id)) return []
        seen.add(e.id)
        return e.increments
      })
      if (increments.length) await applyFactsSql(trx, sumIncrements(increments), "add")
      return { applied: fresh.size, duplicates: ids.length - fresh.size }
    })
  }

  /**
   * Sets every fact of the given codes to what `pages` yields, and closes the current facts of
   * those codes that `pages` no longer yields, then recomputes all counts from the current facts:
   * the reconciliation's write, in one transaction, exclusive against event writers while it
   * runs. Facts that did not change are left alone, so their history (since when they hold)
   * survives. Pages are written as they come, in statements of at most REPLACE_CHUNK facts, so
   * memory stays flat and no statement nears PostgreSQL's jsonb limit whatever the size of the
   * country. Returns how many facts it derived.
   */
  async replaceFacts(codes: string[], pages: AsyncIterable<Fact[]>): Promise<number> {
    return this.sql_.transaction(async (trx) => {
      await trx.raw("SELECT pg_advisory_xact_lock(hashtext('indicators:all'))")
      await trx.raw(
        `CREATE TEMPORARY TABLE reconciled_fact (code text, subject_id text, period text)
         ON COMMIT DROP`,
      )
      let written = 0
      let at: Date | null = null
      for await (const page of pages) {
        for (let i = 0; i < page.length; i += REPLACE_CHUNK) {
          const chunk = dedupe(page.slice(i, i + REPLACE_CHUNK))
          at = await applyFactsSql(trx, chunk, "reconcile")
          await trx.raw(
            `INSERT INTO reconciled_fact
             SELECT code, subject_id, period FROM jsonb_to_recordset(?::jsonb)
               AS f(code text, subject_id text, period text)`,
            [JSON.stringify(chunk)],
          )
          written += chunk.length
        }
      }
      await trx.raw("CREATE INDEX ON reconciled_fact (code, subject_id, period)")
      await trx.raw("ANALYZE reconciled_fact")
      // Subjects gone from the sources stop counting from now on.
      await trx.raw(
        `UPDATE indicator_fact f
         SET valid_to = greatest(coalesce(?::timestamptz, clock_timestamp()), f.valid_from),
             updated_at = now()
         WHERE f.code = ANY(?) AND f.valid_to IS NULL AND f.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM reconciled_fact r
             WHERE r.code = f.code AND r.subject_id = f.subject_id AND r.period = f.period)`,
        [at, codes],
      )
      await rebuildCountsSql(trx)
      return written
    })
  }

  /** Counts of communes (or of every commune of provinces) for periods. */
  async readCounts(filter: {
    commune_codes?: string[]
    province_codes?: string[]
    periods: string[]
  }): Promise<CountRow[]> {
    const { rows } = await this.sql_.raw<CountRow>(
      `SELECT code, dimension, commune_code, province_code, period,
              numerator::float8 AS numerator, denominator::float8 AS denominator
       FROM indicator_count
       WHERE deleted_at IS NULL AND period = ANY(?)
         AND (?::text[] IS NULL OR commune_code = ANY(?))
         AND (?::text[] IS NULL OR province_code = ANY(?))`,
      [
        filter.periods,
        filter.commune_codes ?? null,
        filter.commune_codes ?? null,
        filter.province_codes ?? null,
        filter.province_codes ?? null,
      ],
    )
    return rows
  }

  /** What an indicator counted in a commune and period: its facts with a share of it. */
  async readFacts(filter: {
    commune_code: string
    period: string
    codes: string[]
  }): Promise<FactRow[]> {
    const { rows } = await this.sql_.raw<FactRow>(
      `SELECT code, dimension, subject_type, subject_id, ref_id, commune_code, province_code, period,
              numerator::float8 AS numerator, denominator::float8 AS denominator
       FROM indicator_fact
       WHERE valid_to IS NULL AND deleted_at IS NULL AND commune_code = ? AND period = ?
         AND code = ANY(?) AND (numerator <> 0 OR denominator <> 0)
       ORDER BY code, subject_id`,
      [filter.commune_code, filter.period, filter.codes],
    )
    return rows
  }

  /**
   * Counts as they stood just before `at` (a quarter's end): the sums of the facts that held
   * then, for the present-state period ("now") and the given quarters, in communes (or every
   * commune of provinces).
   */
  async readCountsAsOf(filter: {
    commune_codes?: string[]
    province_codes?: string[]
    periods: string[]
    at: Date
  }): Promise<CountRow[]> {
    const { rows } = await this.sql_.raw<CountRow>(
      `SELECT code, dimension, commune_code, min(province_code) AS province_code, period,
              sum(numerator)::float8 AS numerator, sum(denominator)::float8 AS denominator
       FROM indicator_fact
       WHERE deleted_at IS NULL AND period = ANY(?)
         AND valid_from < ? AND (valid_to IS NULL OR valid_to >= ?)
         AND commune_code = ANY(
           CASE WHEN ?::text[] IS NULL THEN ARRAY(
             SELECT DISTINCT commune_code FROM indicator_count
             WHERE deleted_at IS NULL AND province_code = ANY(?))
           ELSE ?::text[] END)
       GROUP BY code, dimension, commune_code, period`,
      [
        filter.periods,
        filter.at,
        filter.at,
        filter.commune_codes ?? null,
        filter.province_codes ?? [],
        filter.commune_codes ?? null,
      ],
    )
    return rows
  }

  /** What an indicator counted in a commune and period just before `at` (a quarter's end). */
  async readFactsAsOf(filter: {
    commune_code: string
    period: string
    codes: string[]
    at: Date
  }): Promise<FactRow[]> {
    const { rows } = await this.sql_.raw<FactRow>(
      `SELECT code, dimension, subject_type, subject_id, ref_id, commune_code, province_code, period,
              numerator::float8 AS numerator, denominator::float8 AS denominator
       FROM indicator_fact
       WHERE deleted_at IS NULL AND commune_code = ? AND period = ? AND code = ANY(?)
         AND valid_from < ? AND (valid_to IS NULL OR valid_to >= ?)
         AND (numerator <> 0 OR denominator <> 0)
       ORDER BY code, subject_id`,
      [filter.commune_code, filter.period, filter.codes, filter.at, filter.at],
    )
    return rows
  }

  /** Products with stamps issued (any time): what makes a live listing traceable. */
  async stampedProducts(productIds: string[]): Promise<Set<string>> {
    if (!productIds.length) return new Set()
    const { rows } = await this.sql_.raw<{ ref_id: string }>(
      `SELECT DISTINCT ref_id FROM indicator_fact
       WHERE valid_to IS NULL AND deleted_at IS NULL AND code = 'STAMPED' AND numerator > 0
         AND ref_id = ANY(?)`,
      [productIds],
    )
    return new Set(rows.map((r) => r.ref_id))
  }
}

/** Facts per statement of a reconciliation: ~276 bytes of jsonb each, far below the 256 MB cap. */
const REPLACE_CHUNK = 20_000

const factKey = (f: { code: string; subject_id: string; period: string }) =>
  `${f.code}\u0000${f.subject_id}\u0000${f.period}`

/** The last fact for each (code, subject, period): one statement cannot write a row twice. */
function dedupe(facts: Fact[]): Fact[] {
  return [...new Map(facts.map((f) => [factKey(f), f])).values()]
}

function sumIncrements(increments: FactIncrement[]): FactIncrement[] {
  const byKey = new Map<string, FactIncrement>()
  for (const inc of increments) {
    const key = factKey(inc)
    const before = byKey.get(key)
    byKey.set(
      key,
      before
        ? {
            ...inc,
            numerator: before.numerator + inc.numerator,
            denominator: before.denominator + inc.denominator,
          }
        : inc,
    )
  }
  return [...byKey.values()]
}
