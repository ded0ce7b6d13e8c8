-- Issue 14: what the service must know about sellers to keep stamps truthful.

-- The backend's word on each seller's state (pending, approved, suspended), pushed signed by its
-- seller-state workflow (POST /sellers/states) and learned again on every write from the product
-- lookup. The resolver reads it with a batch's provenance, so a suspended seller's stamps stop
-- reading "genuine" without asking the backend per scan. `changed_at` is the backend's
-- state_changed_at: an older word never overwrites a newer one, whatever order they arrive in.
CREATE TABLE seller_state (
  seller_id   text PRIMARY KEY,
  state       text NOT NULL CHECK (state IN ('pending', 'approved', 'suspended')),
  changed_at  timestamptz,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Scans of a suspended seller's stamps keep that verdict in the log.
ALTER TABLE scan DROP CONSTRAINT scan_verdict_check;
ALTER TABLE scan ADD CONSTRAINT scan_verdict_check
  CHECK (verdict IN ('genuine_first_scan', 'genuine_repeat', 'suspicious', 'voided', 'seller_suspended'));

-- The commune registry's certificate, copied at every write beside its stars (never from a client).
ALTER TABLE batch
  ADD COLUMN ocop_certificate_number text,
  ADD COLUMN ocop_expires_on         date;

-- A GTIN belongs to one seller: the first to create a batch with it (or an operator's decision).
-- The resolver serves /01/{gtin} only from batches of that seller.
CREATE TABLE gtin_claim (
  gtin        text PRIMARY KEY CHECK (gtin ~ '^[0-9]{14}$'),
  seller_id   text NOT NULL,
  claimed_at  timestamptz NOT NULL DEFAULT now(),
  claimed_by_type text NOT NULL,
  claimed_by  text NOT NULL
);
INSERT INTO gtin_claim (gtin, seller_id, claimed_at, claimed_by_type, claimed_by)
SELECT DISTINCT ON (gtin) gtin, seller_id, created_at, created_by_type, created_by
FROM batch WHERE gtin IS NOT NULL
ORDER BY gtin, created_at, id;

-- Stamps a seller had issued (reserved by jobs) per day in Vietnam's time, for the daily quota.
-- One row per seller and day: its row lock serialises concurrent requests of one seller.
CREATE TABLE stamp_quota_usage (
  seller_id text NOT NULL,
  day       date NOT NULL,
  issued    integer NOT NULL CHECK (issued >= 0),
  PRIMARY KEY (seller_id, day)
);
