import type { Sql } from "./service"

/** One subject's share of one indicator in one period. */
export interface Fact {
  code: string
  dimension: string
  subject_type: string
  subject_id: string
  ref_id: string | null
  commune_code: string
  province_code: string
  period: string
  numerator: number
  denominator: number
  /**
   * When the subject's first fact became true, when the source knows (an order part: when it was
   * placed). Later changes take effect when they are written.
   */
  since?: string | Date | null
}

/** Added to a fact (stamps issued, scans): same shape, the numbers are increments. */
export type FactIncrement = Fact

export type FactRow = Fact

export interface CountRow {
  code: string
  dimension: string
  commune_code: string
  province_code: string
  period: string
  numerator: number
  denominator: number
}

const raw = (column: string) => `jsonb_build_object('value', (${column})::text, 'precision', 20)`

const INCOMING = `SELECT * FROM jsonb_to_recordset(?::jsonb) AS f(code text, dimension text,
  subject_type text, subject_id text, ref_id text, commune_code text, province_code text,
  period text, numerator numeric, denominator numeric, since timestamptz)`

const SAME_SUBJECT = "i.code = f.code AND i.subject_id = f.subject_id AND i.period = f.period"

/**
 * Writes facts and moves the counts by what changed, in the caller's transaction, under a lock
 * per commune so two writers of one commune never both read the old fact. Returns the moment the
 * write took effect.
 *
 * `set` gives subjects their numbers from now on: a fact whose numbers (or place) differ is
 * closed at that moment and a new one starts, so the past stays readable; an unchanged fact is
 * left alone. `add` adds to a fact in place (stamps and scans: they count in the period they
 * happened in, whenever they arrive). `reconcile` is `set` for a reconciliation already holding
 * the exclusive lock: no count change (the caller rebuilds the counts).
 */
export async function applyFactsSql(
  trx: Sql,
  facts: Fact[],
  mode: "set" | "add" | "reconcile",
): Promise<Date> {
  const communes = [...new Set(facts.map((f) => f.commune_code))].sort()
  if (mode !== "reconcile") {
    // Shared with every other writer, exclusive against a reconciliation rebuilding the counts.
    await trx.raw("SELECT pg_advisory_xact_lock_shared(hashtext('indicators:all'))")
    await trx.raw(
      "SELECT pg_advisory_xact_lock(hashtext('indicators:' || c)) FROM unnest(?::text[]) AS c ORDER BY c",
      [communes],
    )
  }
  // Taken once the locks are held, so a commune's writes are ordered in time as they commit.
  const {
    rows: [{ at }],
  } = await trx.raw<{ at: Date }>("SELECT clock_timestamp() AS at")
  const json = JSON.stringify(facts)
  if (mode === "add") {
    await trx.raw(
      `WITH incoming AS (${INCOMING}), written AS (
         INSERT INTO indicator_fact (id, code, dimension, subject_type, subject_id, ref_id,
           commune_code, province_code, period, numerator, denominator, raw_numerator,
           raw_denominator, valid_from, created_at, updated_at)
         SELECT 'ifact_' || replace(gen_random_uuid()::text, '-', ''), code, dimension,
                subject_type, subject_id, ref_id, commune_code, province_code, period, numerator,
                denominator, ${raw("numerator")}, ${raw("denominator")}, '-infinity', now(), now()
         FROM incoming
         ON CONFLICT (code, subject_id, period) WHERE valid_to IS NULL AND deleted_at IS NULL
         DO UPDATE SET
           numerator = indicator_fact.numerator + excluded.numerator,
           denominator = indicator_fact.denominator + excluded.denominator,
           raw_numerator = ${raw("indicator_fact.numerator + excluded.numerator")},
           raw_denominator = ${raw("indicator_fact.denominator + excluded.denominator")},
           dimension = excluded.dimension, ref_id = excluded.ref_id,
           commune_code = excluded.commune_code, province_code = excluded.province_code,
           updated_at = now()
         RETURNING 1
       )${countsCte("SELECT code, dimension, commune_code, province_code, period, numerator AS n, denominator AS d FROM incoming")}
       SELECT (SELECT count(*) FROM written) AS facts`,
      [json],
    )
    return at
  }
  // Close the facts whose numbers change (moving the counts by the difference)...
  await trx.raw(
    `WITH incoming AS (${INCOMING}), prev AS (
       SELECT f.id, f.code, f.dimension, f.commune_code, f.province_code, f.period,
              f.numerator, f.denominator
       FROM indicator_fact f JOIN incoming i ON ${SAME_SUBJECT}
       WHERE f.valid_to IS NULL AND f.deleted_at IS NULL
         AND (f.numerator <> i.numerator OR f.denominator <> i.denominator
              OR f.dimension <> i.dimension OR f.commune_code <> i.commune_code
              OR f.province_code <> i.province_code OR f.ref_id IS DISTINCT FROM i.ref_id)
     ), closed AS (
       UPDATE indicator_fact f SET valid_to = greatest(?::timestamptz, f.valid_from),
         updated_at = now()
       FROM prev WHERE f.id = prev.id
       RETURNING 1
     ), fresh AS (
       SELECT i.* FROM incoming i
       WHERE NOT EXISTS (
         SELECT 1 FROM indicator_fact f
         WHERE ${SAME_SUBJECT} AND f.valid_to IS NULL AND f.deleted_at IS NULL
           AND f.id NOT IN (SELECT id FROM prev))
     )${
       mode === "set"
         ? countsCte(`SELECT code, dimension, commune_code, province_code, period,
                            numerator AS n, denominator AS d FROM fresh
                     UNION ALL
                     SELECT code, dimension, commune_code, province_code, period,
                            -numerator, -denominator FROM prev`)
         : ""
     }
     SELECT (SELECT count(*) FROM closed) AS closed`,
    [json, at],
  )
  // ...then start their new facts, and the first facts of new subjects (from the time their
  // source says they became true, when it knows: an order part from when it was placed).
  await trx.raw(
    `WITH incoming AS (${INCOMING})
     INSERT INTO indicator_fact (id, code, dimension, subject_type, subject_id, ref_id,
       commune_code, province_code, period, numerator, denominator, raw_numerator,
       raw_denominator, valid_from, created_at, updated_at)
     SELECT 'ifact_' || replace(gen_random_uuid()::text, '-', ''), i.code, i.dimension,
            i.subject_type, i.subject_id, i.ref_id, i.commune_code, i.province_code, i.period,
            i.numerator, i.denominator, ${raw("i.numerator")}, ${raw("i.denominator")},
            coalesce(
              -- Continues the fact just closed (never earlier than this write).
              (SELECT greatest(?::timestamptz, max(f.valid_to)) FROM indicator_fact f
               WHERE ${SAME_SUBJECT} AND f.valid_to IS NOT NULL AND f.deleted_at IS NULL
               HAVING count(*) > 0),
              least(i.since, ?::timestamptz), ?::timestamptz),
            now(), now()
     FROM incoming i
     WHERE NOT EXISTS (
       SELECT 1 FROM indicator_fact f
       WHERE ${SAME_SUBJECT} AND f.valid_to IS NULL AND f.deleted_at IS NULL)`,
    [json, at, at, at],
  )
  return at
}

/** A CTE moving the counts by `moves` (code, dimension, commune, province, period, n, d). */
function countsCte(moves: string) {
  return `, deltas AS (
       SELECT code, dimension, commune_code, province_code, period, sum(n) AS n, sum(d) AS d
       FROM (${moves}) moves
       GROUP BY 1, 2, 3, 4, 5
       HAVING sum(n) <> 0 OR sum(d) <> 0
     ), counted AS (
       INSERT INTO indicator_count (id, code, dimension, commune_code, province_code, period,
         numerator, denominator, raw_numerator, raw_denominator, created_at, updated_at)
       SELECT 'icnt_' || replace(gen_random_uuid()::text, '-', ''), code, dimension,
              commune_code, province_code, period, n, d, ${raw("n")}, ${raw("d")}, now(), now()
       FROM deltas
       ON CONFLICT (commune_code, period, code, dimension) WHERE deleted_at IS NULL DO UPDATE SET
         numerator = indicator_count.numerator + excluded.numerator,
         denominator = indicator_count.denominator + excluded.denominator,
         raw_numerator = ${raw("indicator_count.numerator + excluded.numerator")},
         raw_denominator = ${raw("indicator_count.denominator + excluded.denominator")},
         updated_at = now()
       RETURNING 1
     )`
}

/** Recomputes every count from the current facts. */
export async function rebuildCountsSql(trx: Sql) {
  await trx.raw("DELETE FROM indicator_count")
  await trx.raw(
    `INSERT INTO indicator_count (id, code, dimension, commune_code, province_code, period,
       numerator, denominator, raw_numerator, raw_denominator, created_at, updated_at)
     SELECT 'icnt_' || replace(gen_random_uuid()::text, '-', ''), code, dimension, commune_code,
            province_code, period, n, d, ${raw("n")}, ${raw("d")}, now(), now()
     FROM (
       SELECT code, dimension, commune_code, province_code, period,
              sum(numerator) AS n, sum(denominator) AS d
       FROM indicator_fact WHERE valid_to IS NULL AND deleted_at IS NULL
       GROUP BY 1, 2, 3, 4, 5
     ) sums`,
  )
}
