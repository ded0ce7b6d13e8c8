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

/**
 * Writes facts and moves the counts by what changed, in the caller's transaction, under a lock
 * per commune so two writers of one commune never both read the old fact. `set` replaces a
 * fact's numbers, `add` adds to them, `insert` writes facts known to be new (no count change:
 * the caller rebuilds the counts).
 */
export async function applyFactsSql(trx: Sql, facts: Fact[], mode: "set" | "add" | "insert") {
  const communes = [...new Set(facts.map((f) => f.commune_code))].sort()
  if (mode !== "insert") {
    // Shared with every other writer, exclusive against a reconciliation rebuilding the counts.
    await trx.raw("SELECT pg_advisory_xact_lock_shared(hashtext('indicators:all'))")
    await trx.raw(
      "SELECT pg_advisory_xact_lock(hashtext('indicators:' || c)) FROM unnest(?::text[]) AS c ORDER BY c",
      [communes],
    )
  }
  const onConflict =
    mode === "add"
      ? `numerator = indicator_fact.numerator + excluded.numerator,
         denominator = indicator_fact.denominator + excluded.denominator,
         raw_numerator = ${raw("indicator_fact.numerator + excluded.numerator")},
         raw_denominator = ${raw("indicator_fact.denominator + excluded.denominator")}`
      : `numerator = excluded.numerator, denominator = excluded.denominator,
         raw_numerator = excluded.raw_numerator, raw_denominator = excluded.raw_denominator`
  const counts =
    mode === "insert"
      ? ""
      : `, deltas AS (
           SELECT code, dimension, commune_code, province_code, period,
                  sum(n) AS n, sum(d) AS d
           FROM (
             SELECT code, dimension, commune_code, province_code, period,
                    numerator AS n, denominator AS d FROM incoming
             ${
               mode === "set"
                 ? `UNION ALL
                    SELECT code, dimension, commune_code, province_code, period,
                           -numerator, -denominator FROM prev`
                 : ""
             }
           ) moves
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
  await trx.raw(
    `WITH incoming AS (
       SELECT * FROM jsonb_to_recordset(?::jsonb) AS f(code text, dimension text,
         subject_type text, subject_id text, ref_id text, commune_code text, province_code text,
         period text, numerator numeric, denominator numeric)
     ), prev AS (
       SELECT f.code, f.dimension, f.commune_code, f.province_code, f.period,
              f.numerator, f.denominator
       FROM indicator_fact f
       JOIN incoming i ON i.code = f.code AND i.subject_id = f.subject_id AND i.period = f.period
       WHERE f.deleted_at IS NULL
     ), written AS (
       INSERT INTO indicator_fact (id, code, dimension, subject_type, subject_id, ref_id,
         commune_code, province_code, period, numerator, denominator, raw_numerator,
         raw_denominator, created_at, updated_at)
       SELECT 'ifact_' || replace(gen_random_uuid()::text, '-', ''), code, dimension, subject_type,
              subject_id, ref_id, commune_code, province_code, period, numerator, denominator,
              ${raw("numerator")}, ${raw("denominator")}, now(), now()
       FROM incoming
       ON CONFLICT (code, subject_id, period) WHERE deleted_at IS NULL DO UPDATE SET
         ${onConflict}, dimension = excluded.dimension, ref_id = excluded.ref_id,
         commune_code = excluded.commune_code, province_code = excluded.province_code,
         updated_at = now()
       RETURNING 1
     )${counts}
     SELECT (SELECT count(*) FROM written) AS facts`,
    [JSON.stringify(facts)],
  )
}

/** Recomputes every count from the facts. */
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
       FROM indicator_fact WHERE deleted_at IS NULL
       GROUP BY 1, 2, 3, 4, 5
     ) sums`,
  )
}
