// National-scale data for the indicators benchmark (scripts/bench/indicators.mjs), written with
// SQL straight into the backend's tables of a freshly migrated and demo-seeded database: communes,
// sellers, OCOP registry entries, order parts, and the indicator facts that the backend's sources
// would produce for them (backend/src/lib/indicators/derive.ts and trace-events.ts), then the
// counts rebuilt from the facts as the reconciliation does (rebuildCountsSql in
// backend/src/modules/indicators/sql.ts).
//
// Deterministic: every "random" choice is a hash of a row number (hashint8extended), so two runs
// of one size write the same data. Synthetic ids carry "bench" (sel_bench_…, opart_bench_…,
// ifact_bench_…) and grow in insertion order, so the primary keys are appended to, not scattered.

/** What the national figures of the issue become with --small: 1% of each (communes: ≥ 2 per province). */
export const NATIONAL = {
  communes: 3321,
  sellers: 10_000,
  products: 20_000,
  ocop: 5000,
  orders: 1_000_000,
  scans: 10_000_000,
}

/** Sellers the generator adds to the demo commune, on top of the demo's own. */
const GIA_PHU_EXTRA = 10
const DEMO_COMMUNE = "02923"

// Medusa's bigNumber columns keep a raw jsonb copy beside the numeric.
const raw = (column) => `jsonb_build_object('value', (${column})::text, 'precision', 20)`

// valid_from last: the data stands for facts that have held since before any quarter read.
const FACT_COLUMNS = `id, code, dimension, subject_type, subject_id, ref_id, commune_code,
  province_code, period, numerator, denominator, raw_numerator, raw_denominator, created_at,
  updated_at, valid_from`
const factId = "'ifact_bench_' || lpad(nextval('pg_temp.b_fact_seq')::text, 9, '0')"

/** Vietnam's quarter of a moment, as backend/src/lib/indicators/quarter.ts computes it. */
const SQL_QUARTER = (column) =>
  `to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-"Q"Q')`

/** The same SQL as rebuildCountsSql (backend/src/modules/indicators/sql.ts). */
export const REBUILD_COUNTS = [
  "DELETE FROM indicator_count",
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
]

/**
 * Writes the data. `quarters` are the 8 quarters orders and scans fall in, oldest first, each
 * `{ quarter, start, end }` (Dates; the current one ends now). Returns one entry per step:
 * `{ step, rows, seconds, note }`.
 */
export async function generate(db, size, quarters, log = () => {}) {
  const steps = []
  const step = async (name, fn) => {
    const started = performance.now()
    const result = await fn()
    const seconds = (performance.now() - started) / 1000
    steps.push({ step: name, seconds, ...result })
    log(
      `${name}: ${result.rows?.toLocaleString("en-US") ?? "-"} rows in ${seconds.toFixed(1)} s${result.note ? ` (${result.note})` : ""}`,
    )
  }
  const one = async (sql, params) => (await db.query(sql, params)).rows[0]

  // Uniform in [0, 1) from a row number and a salt: the same on every run.
  await db.query(`CREATE FUNCTION pg_temp.u(i bigint, salt int) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(i, salt) & 4294967295)::float8 / 4294967296 $$`)
  await db.query("CREATE TEMP SEQUENCE b_fact_seq")

  // --- Communes: the demo's two, and new ones spread evenly over the 34 provinces.
  await step("communes", async () => {
    const { n } = await one(
      "SELECT count(*)::int AS n FROM admin_unit_commune WHERE deleted_at IS NULL",
    )
    const add = Math.max(0, size.communes - n)
    await db.query(
      `WITH p AS (
         SELECT array_agg(code ORDER BY code) AS codes FROM admin_unit_province
         WHERE deleted_at IS NULL
       )
       INSERT INTO admin_unit_commune (code, name, kind, province_code)
       SELECT lpad((40000 + k)::text, 5, '0'), 'Xã Đo Lường ' || (k + 1),
              CASE WHEN k % 10 = 0 THEN 'ward' ELSE 'commune' END,
              p.codes[1 + k % cardinality(p.codes)]
       FROM p, generate_series(0, $1::int - 1) k`,
      [add],
    )
    // Every commune but the demo's, numbered, to spread sellers over.
    await db.query(
      `CREATE TEMP TABLE b_commune AS
       SELECT (row_number() OVER (ORDER BY code) - 1)::int AS i, code, province_code
       FROM admin_unit_commune WHERE deleted_at IS NULL AND code <> $1`,
      [DEMO_COMMUNE],
    )
    await db.query("CREATE UNIQUE INDEX ON b_commune (i)")
    const { provinces, total } = await one(
      `SELECT count(DISTINCT province_code)::int AS provinces, count(*)::int AS total
       FROM admin_unit_commune WHERE deleted_at IS NULL`,
    )
    return { rows: add, note: `${total} communes in ${provinces} provinces` }
  })

  // --- Sellers: the demo's, 10 more in Gia Phú, the rest over the other communes.
  await step("sellers", async () => {
    const { n: demo } = await one("SELECT count(*)::int AS n FROM seller WHERE deleted_at IS NULL")
    const { n: communes } = await one("SELECT count(*)::int AS n FROM b_commune")
    const { province_code: demoProvince } = await one(
      "SELECT province_code FROM admin_unit_commune WHERE code = $1",
      [DEMO_COMMUNE],
    )
    const add = Math.max(0, size.sellers - demo)
    const giaPhu = Math.min(GIA_PHU_EXTRA, add)
    await db.query(
      `CREATE TEMP TABLE b_seller AS
       SELECT j AS i, 'sel_bench_' || lpad(j::text, 6, '0') AS id,
              CASE WHEN pg_temp.u(j, 1) < 0.3 THEN 'cooperative' ELSE 'household' END AS kind,
              CASE WHEN pg_temp.u(j, 2) < 0.9 THEN 'approved'
                   WHEN pg_temp.u(j, 2) < 0.97 THEN 'pending' ELSE 'suspended' END AS state,
              coalesce(c.code, $3) AS commune_code, coalesce(c.province_code, $4) AS province_code
       FROM generate_series(0, $1::int - 1) j
       LEFT JOIN b_commune c
         ON j >= $2 AND c.i = floor(pg_temp.u(j, 3) * $5::int)::int`,
      [add, giaPhu, DEMO_COMMUNE, demoProvince, communes],
    )
    await db.query("CREATE UNIQUE INDEX ON b_seller (i)")
    await db.query(
      `INSERT INTO seller (id, handle, name, kind, commune_code, province_code, address, phone,
         state, state_changed_at, state_changed_by, created_at, updated_at)
       SELECT id, 'bench-' || i,
              CASE kind WHEN 'cooperative' THEN 'HTX Đo Lường ' ELSE 'Hộ kinh doanh Đo Lường ' END
                || (i + 1),
              kind, commune_code, province_code, 'Xã ' || commune_code,
              '09' || lpad(i::text, 8, '0'), state, now(), 'bench', now(), now()
       FROM b_seller ORDER BY i`,
    )
    const { approved } = await one(
      "SELECT count(*) FILTER (WHERE state = 'approved')::int AS approved FROM b_seller",
    )
    return {
      rows: add,
      note: `${demo} demo sellers kept; ${giaPhu} of the new in Gia Phú; ${approved} of the new approved`,
    }
  })

  // --- Products: facts only (no Medusa products): TRACEABLE per listing, STAMPED per stamped one.
  await step("products (TRACEABLE and STAMPED facts)", async () => {
    const { n: sellers } = await one("SELECT count(*)::int AS n FROM b_seller")
    if (!sellers) return { rows: 0, note: "no new sellers" }
    await db.query(
      `CREATE TEMP TABLE b_product AS
       SELECT p AS i, 'prod_bench_' || lpad(p::text, 7, '0') AS id, s.id AS seller_id,
              s.commune_code, s.province_code,
              s.state = 'approved' AND pg_temp.u(p, 11) < 0.85 AS live,
              pg_temp.u(p, 12) < 0.45 AS stamped,
              200 + floor(pg_temp.u(p, 13) * 1800)::int AS stamps
       FROM generate_series(0, $1::int - 1) p
       JOIN b_seller s ON s.i = floor(pg_temp.u(p, 10) * $2::int)::int`,
      [size.products, sellers],
    )
    const { rowCount: traceable } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, 'TRACEABLE', '', 'product', id, seller_id, commune_code, province_code,
              'now', n, d, ${raw("n")}, ${raw("d")}, now(), now(), '-infinity'
       FROM (SELECT *, (live AND stamped)::int AS n, live::int AS d FROM b_product ORDER BY i) p`,
    )
    const { rowCount: stamped } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, 'STAMPED', '', 'product', id, id, commune_code, province_code,
              'now', stamps, 0, ${raw("stamps")}, ${raw("0")}, now(), now(), '-infinity'
       FROM b_product WHERE stamped ORDER BY i`,
    )
    const { live, both } = await one(
      `SELECT count(*) FILTER (WHERE live)::int AS live,
              count(*) FILTER (WHERE live AND stamped)::int AS both FROM b_product`,
    )
    return {
      rows: traceable + stamped,
      note: `${traceable} TRACEABLE (${live} live, ${both} live and stamped), ${stamped} STAMPED`,
    }
  })

  // --- SELLERS_ONLINE: approved sellers, online when one of their listings is live.
  await step("SELLERS_ONLINE facts", async () => {
    const { rowCount } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, 'SELLERS_ONLINE', s.kind, 'seller', s.id, NULL, s.commune_code,
              s.province_code, 'now', n, d, ${raw("n")}, ${raw("d")}, now(), now(), '-infinity'
       FROM (
         SELECT s.*, coalesce(o.online, false)::int AS n, (s.state = 'approved')::int AS d
         FROM b_seller s
         LEFT JOIN (SELECT seller_id, bool_or(live) AS online FROM b_product GROUP BY 1) o
           ON o.seller_id = s.id
         ORDER BY s.i
       ) s`,
    )
    return { rows: rowCount }
  })

  // --- OCOP registry: ocop_entry rows for listed products, and their OCOP_ONLINE facts.
  await step("OCOP registry (ocop_entry rows and OCOP_ONLINE facts)", async () => {
    const { n: products } = await one("SELECT count(*)::int AS n FROM b_product").catch(() => ({
      n: 0,
    }))
    if (!products) return { rows: 0, note: "no products" }
    await db.query(
      `CREATE TEMP TABLE b_ocop AS
       SELECT (row_number() OVER (ORDER BY pg_temp.u(i, 20)))::int AS i, id AS product_id,
              seller_id, commune_code, province_code, live
       FROM b_product ORDER BY pg_temp.u(i, 20) LIMIT $1`,
      [size.ocop],
    )
    const { rowCount: entries } = await db.query(
      `INSERT INTO ocop_entry (id, commune_code, seller_id, product_name, "group", stars,
         certificate_number, decision_number, issuing_level, issued_on, expires_on, product_id,
         created_at, updated_at)
       SELECT 'ocop_bench_' || lpad(i::text, 6, '0'), commune_code, seller_id,
              'Sản phẩm OCOP đo lường ' || i,
              (ARRAY['food', 'beverage', 'herbal', 'textile', 'souvenir_furniture_decoration',
                     'rural_tourism_service'])[1 + i % 6],
              3 + (i % 10 = 0)::int + (i % 25 = 0)::int, 'OCOP-DO-' || lpad(i::text, 6, '0'),
              'QĐ-DO-' || i, 'province', expires - interval '3 years', expires, product_id,
              now(), now()
       FROM (
         SELECT *, date_trunc('day', now()) + CASE WHEN pg_temp.u(i, 21) < 0.92
           THEN interval '30 days' + pg_temp.u(i, 22) * interval '900 days'
           ELSE -interval '1 day' - pg_temp.u(i, 22) * interval '300 days' END AS expires
         FROM b_ocop
       ) e ORDER BY i`,
    )
    // As registryFacts: valid = unexpired and not removed; online = valid and the listing live.
    const { rowCount: facts } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, 'OCOP_ONLINE', '', 'ocop_entry', e.id, e.product_id, e.commune_code,
              b.province_code, 'now', n, d, ${raw("n")}, ${raw("d")}, now(), now(), '-infinity'
       FROM ocop_entry e
       JOIN b_ocop b ON b.product_id = e.product_id
       CROSS JOIN LATERAL (SELECT e.deleted_at IS NULL AND e.expires_on >= date_trunc('day', now())
                             AS valid) v
       CROSS JOIN LATERAL (SELECT (v.valid AND b.live)::int AS n, v.valid::int AS d) f
       WHERE e.id LIKE 'ocop_bench_%'
       ORDER BY b.i`,
    )
    return { rows: entries + facts, note: `${entries} ocop_entry rows, ${facts} OCOP_ONLINE facts` }
  })

  // --- Order parts: sellers that sell (approved or since suspended, demo's included), 8 quarters.
  const starts = quarters.map((q) => q.start.toISOString())
  const spans = quarters.map((q) => (q.end.getTime() - q.start.getTime()) / 1000)
  await step("order_part rows", async () => {
    await db.query(
      `CREATE TEMP TABLE b_oseller AS
       SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, commune_code
       FROM seller WHERE deleted_at IS NULL AND state IN ('approved', 'suspended')`,
    )
    await db.query("CREATE UNIQUE INDEX ON b_oseller (i)")
    const { n: sellers } = await one("SELECT count(*)::int AS n FROM b_oseller")
    const { rowCount } = await db.query(
      `INSERT INTO order_part (id, order_id, part_order_id, seller_id, commune_code, reference,
         currency_code, amount, raw_amount, payment_method, payment_status, captured_at,
         refunded_amount, raw_refunded_amount, status, shipped_at, delivered_at, canceled_at,
         created_at, updated_at)
       SELECT 'opart_bench_' || lpad(k::text, 8, '0'),
              'order_bench_' || lpad((k * 4 / 5)::text, 8, '0'),
              'order_bench_part_' || lpad(k::text, 8, '0'), s.id, s.commune_code, 'BN' || k,
              'vnd', g.amount, ${raw("g.amount")}, m.method, p.status,
              CASE WHEN p.status IN ('captured', 'refunded')
                   THEN least(now(), g.created_at + interval '2 hours') END,
              r.refunded, ${raw("r.refunded")}, m.status,
              CASE WHEN m.status IN ('shipped', 'delivered')
                   THEN least(now(), g.created_at + interval '1 day') END,
              CASE WHEN m.status = 'delivered' THEN least(now(), g.created_at + interval '3 days') END,
              CASE WHEN m.status = 'canceled' THEN least(now(), g.created_at + interval '1 hour') END,
              g.created_at, g.created_at
       FROM (
         SELECT k, floor(pg_temp.u(k, 30) * $2::int)::int AS si,
                ((20 + floor(pg_temp.u(k, 31) * 1981)) * 1000)::numeric AS amount,
                pg_temp.u(k, 32) AS um, pg_temp.u(k, 33) AS us, pg_temp.u(k, 34) AS up,
                ($3::timestamptz[])[1 + q] + pg_temp.u(k, 36) * ($4::float8[])[1 + q]
                  * interval '1 second' AS created_at
         FROM generate_series(1, $1::int) k
         CROSS JOIN LATERAL (SELECT floor(pg_temp.u(k, 35) * cardinality($3::timestamptz[]))::int
                               AS q) qq
       ) g
       JOIN b_oseller s ON s.i = g.si
       CROSS JOIN LATERAL (SELECT
         CASE WHEN g.um < 0.55 THEN 'cod' WHEN g.um < 0.85 THEN 'vietqr'
              WHEN g.um < 0.95 THEN 'card' ELSE 'other' END AS method,
         CASE WHEN g.us < 0.03 THEN 'canceled' WHEN g.us < 0.10 THEN 'placed'
              WHEN g.us < 0.20 THEN 'shipped' ELSE 'delivered' END AS status) m
       CROSS JOIN LATERAL (SELECT
         CASE WHEN m.status = 'canceled' THEN 'canceled'
              WHEN m.method = 'cod' AND m.status <> 'delivered' THEN 'awaiting'
              WHEN g.up < 0.01 THEN 'refunded'
              WHEN m.method <> 'cod' AND g.up < 0.04 THEN 'awaiting'
              ELSE 'captured' END AS status) p
       CROSS JOIN LATERAL (SELECT CASE WHEN p.status = 'refunded' THEN g.amount ELSE 0 END
                             AS refunded) r
       ORDER BY k`,
      [size.orders, sellers, starts, spans],
    )
    return { rows: rowCount, note: `over ${sellers} selling sellers` }
  })

  // --- Their facts, as orderPartFacts (derive.ts) makes them: 4 per part, in its quarter.
  await step("order-part facts (ORDERS, GMV, CASHLESS, CASHLESS_VALUE)", async () => {
    const { rowCount } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, f.code, '', 'order_part', op.id, op.part_order_id, op.commune_code,
              coalesce(s.province_code, ''), ${SQL_QUARTER("op.created_at")}, f.n, f.d,
              ${raw("f.n")}, ${raw("f.d")}, now(), now(), '-infinity'
       FROM (SELECT * FROM order_part WHERE id LIKE 'opart_bench_%' ORDER BY id) op
       LEFT JOIN seller s ON s.id = op.seller_id
       CROSS JOIN LATERAL (SELECT op.status <> 'canceled' AND op.deleted_at IS NULL AS counted) c
       CROSS JOIN LATERAL (SELECT c.counted AND op.payment_status = 'captured' AS paid) pd
       CROSS JOIN LATERAL (SELECT pd.paid AND op.payment_method IN ('card', 'vietqr')
                             AS cashless) x
       CROSS JOIN LATERAL (VALUES
         ('ORDERS', c.counted::int::numeric, 0::numeric),
         ('GMV', CASE WHEN c.counted THEN op.amount ELSE 0 END, 0),
         ('CASHLESS', x.cashless::int, pd.paid::int),
         ('CASHLESS_VALUE', CASE WHEN x.cashless THEN op.amount ELSE 0 END,
                            CASE WHEN pd.paid THEN op.amount ELSE 0 END)
       ) f(code, n, d)`,
    )
    return { rows: rowCount }
  })

  // --- Scans: per seller and quarter, as the traceability service's events add them
  // (traceIncrements): SCANS, SCANNED (first scans), COUNTERFEIT and STAMPS issued, with SCANS
  // summing to exactly size.scans over the sellers that have stamped products.
  await step("scan facts (SCANS, SCANNED, COUNTERFEIT, STAMPS)", async () => {
    const hasProducts = await one("SELECT to_regclass('pg_temp.b_product') IS NOT NULL AS yes")
    if (!hasProducts.yes || !size.scans) return { rows: 0, note: "no stamped products" }
    const quarterNames = quarters.map((q) => q.quarter)
    await db.query(
      `CREATE TEMP TABLE b_scan AS
       WITH sq AS (
         SELECT s.id AS seller_id, s.commune_code, s.province_code, q.quarter,
                s.i * 16 + q.n AS key,
                st.products * power(0.2 + pg_temp.u(s.i * 16 + q.n, 40), 2) AS w
         FROM (SELECT seller_id, count(*) AS products FROM b_product WHERE stamped GROUP BY 1) st
         JOIN b_seller s ON s.id = st.seller_id
         CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS q(quarter, n)
         WHERE pg_temp.u(s.i * 16 + q.n, 41) < 0.9
       ), cum AS (
         SELECT *, sum(w) OVER (ORDER BY key ROWS UNBOUNDED PRECEDING) AS upto,
                sum(w) OVER () AS total
         FROM sq
       )
       SELECT *, (round($2::bigint * upto / total)
                  - round($2::bigint * coalesce(lag(upto) OVER (ORDER BY key), 0) / total))::bigint
                 AS scans
       FROM cum`,
      [quarterNames, size.scans],
    )
    const { rowCount } = await db.query(
      `INSERT INTO indicator_fact (${FACT_COLUMNS})
       SELECT ${factId}, f.code, '', 'seller', b.seller_id, NULL, b.commune_code,
              b.province_code, b.quarter, f.n, 0, ${raw("f.n")}, ${raw("0")}, now(), now(), '-infinity'
       FROM (
         SELECT *, floor(scans * (0.45 + 0.3 * pg_temp.u(key, 42)))::bigint AS first_scans,
                floor(scans * 0.004 * pg_temp.u(key, 43))::bigint AS counterfeit
         FROM b_scan WHERE scans > 0 ORDER BY key
       ) b
       CROSS JOIN LATERAL (VALUES
         ('STAMPS', greatest(b.first_scans, ceil(b.scans * (0.7 + 0.6 * pg_temp.u(b.key, 44)))::bigint)),
         ('SCANS', b.scans), ('SCANNED', b.first_scans), ('COUNTERFEIT', b.counterfeit)
       ) f(code, n)`,
    )
    const { total, sellers } = await one(
      `SELECT sum(numerator)::bigint AS total, count(DISTINCT subject_id)::int AS sellers
       FROM indicator_fact WHERE code = 'SCANS' AND id LIKE 'ifact_bench_%'`,
    )
    if (Number(total) !== size.scans) {
      throw new Error(`scan facts sum to ${total}, not ${size.scans}`)
    }
    return {
      rows: rowCount,
      note: `${Number(total).toLocaleString("en-US")} scans over ${sellers} sellers with stamped products`,
    }
  })

  await step("indicator_count rebuilt from the facts (rebuildCountsSql)", async () => {
    await db.query("BEGIN")
    try {
      for (const sql of REBUILD_COUNTS) await db.query(sql)
      await db.query("COMMIT")
    } catch (error) {
      await db.query("ROLLBACK")
      throw error
    }
    const { n } = await one("SELECT count(*)::int AS n FROM indicator_count")
    return { rows: n }
  })

  await step("VACUUM ANALYZE", async () => {
    await db.query("VACUUM ANALYZE")
    return {}
  })
  return steps
}
