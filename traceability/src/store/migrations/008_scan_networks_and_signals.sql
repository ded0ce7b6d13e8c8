-- Verdicts and counts that one network cannot move (see README "Resolver, scans and verdicts").

-- Whether a scan counts toward the public SCANS: a repeat from the same network within
-- SCAN_REPEAT_WINDOW_MINUTES of its previous scan of the stamp does not. Earlier scans all counted.
ALTER TABLE scan ADD COLUMN counted boolean NOT NULL DEFAULT true;

-- The networks (IPv4 /24, IPv6 /48) that scanned each stamp, with their latest scan: the resolver
-- seeds a stamp's distinct networks (the suspicious rule) and repeat window from here with one
-- index range, instead of walking the stamp's scans. Kept by the scan log's own statement.
CREATE TABLE stamp_network (
  serial          text NOT NULL REFERENCES stamp (serial),
  ip_prefix       text NOT NULL,
  last_scanned_at timestamptz NOT NULL,
  PRIMARY KEY (serial, ip_prefix)
);

INSERT INTO stamp_network (serial, ip_prefix, last_scanned_at)
SELECT serial, ip_prefix, max(scanned_at) FROM scan
WHERE ip_prefix IS NOT NULL
GROUP BY serial, ip_prefix;

-- Counterfeit signals per stamp (scans with a suspicious or voided verdict, located scans proving
-- an impossible journey) and the time of its first: COUNTERFEIT counts a stamp once, in the
-- quarter of its first signal. signal_count going from 0 tells a write it made that first signal.
ALTER TABLE stamp_scan_summary
  ADD COLUMN signal_count integer NOT NULL DEFAULT 0 CHECK (signal_count >= 0),
  ADD COLUMN signalled_at timestamptz;

WITH signal (serial, at) AS (
  SELECT serial, scanned_at FROM scan WHERE verdict IN ('suspicious', 'voided')
  UNION ALL
  SELECT serial, scanned_at FROM scan_location WHERE impossible_travel
), per_stamp AS (
  SELECT serial, count(*)::int AS n, min(at) AS first_at FROM signal GROUP BY serial
)
INSERT INTO stamp_scan_summary AS ss (serial, signal_count, signalled_at)
SELECT serial, n, first_at FROM per_stamp
ON CONFLICT (serial) DO UPDATE SET
  signal_count = EXCLUDED.signal_count,
  signalled_at = EXCLUDED.signalled_at;

-- Statistics count stamps first signalled in a quarter.
CREATE INDEX stamp_scan_summary_signalled_idx ON stamp_scan_summary (signalled_at)
  WHERE signalled_at IS NOT NULL;

-- A location post that proves a stamp's first impossible journey writes `stamps.flagged`.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_type_check;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_type_check
  CHECK (type IN ('stamps.issued', 'stamps.voided', 'scans.recorded', 'stamps.flagged'));
