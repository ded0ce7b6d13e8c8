-- The networks that scanned a stamp move into its scan summary row (issue 14's performance guard).
-- Kept in their own table (008), every scan of a stamp a network had not scanned before cost a
-- row, two index entries and a foreign-key check, and every stamp the resolver read cost an index
-- range; in the summary row they are written by the upsert the scan log already makes and read by
-- the join it already has. `networks` maps a network (IPv4 /24, IPv6 /48) to its latest scan of
-- the stamp in epoch milliseconds, the newest `keep` of them (the resolver keeps 64).

ALTER TABLE stamp_scan_summary ADD COLUMN networks jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Two network maps merged: each network's latest scan, the newest `keep` networks.
CREATE FUNCTION merge_scan_networks(old jsonb, new jsonb, keep integer) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN new = '{}'::jsonb THEN old
    ELSE (
      SELECT COALESCE(jsonb_object_agg(n, t), '{}'::jsonb)
      FROM (
        SELECT n, max(t) AS t
        FROM (
          SELECT key AS n, value::bigint AS t FROM jsonb_each_text(old)
          UNION ALL
          SELECT key AS n, value::bigint AS t FROM jsonb_each_text(new)
        ) u
        GROUP BY n
        ORDER BY max(t) DESC, n
        LIMIT keep
      ) m
    )
  END
$$;

WITH ranked AS (
  SELECT serial, ip_prefix, last_scanned_at,
         row_number() OVER (PARTITION BY serial ORDER BY last_scanned_at DESC, ip_prefix) AS rank
  FROM stamp_network
), per_stamp AS (
  SELECT serial,
         jsonb_object_agg(ip_prefix, (extract(epoch FROM last_scanned_at) * 1000)::bigint) AS networks
  FROM ranked WHERE rank <= 64
  GROUP BY serial
)
INSERT INTO stamp_scan_summary AS ss (serial, networks)
SELECT serial, networks FROM per_stamp
ON CONFLICT (serial) DO UPDATE SET networks = EXCLUDED.networks;

DROP TABLE stamp_network;
