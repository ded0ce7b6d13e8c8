-- Scans of stamps (written in batches by the resolver), a running summary per stamp, and the
-- locations buyers chose to share.

CREATE TABLE scan (
  id                uuid PRIMARY KEY,
  serial            text NOT NULL REFERENCES stamp (serial),
  -- Denormalised from the stamp: statistics group scans by the batch's seller and commune.
  batch_id          uuid NOT NULL,
  scanned_at        timestamptz NOT NULL,
  -- This scan's number among the stamp's scans, as the resolver counted it.
  number            integer NOT NULL CHECK (number >= 1),
  verdict           text NOT NULL
                      CHECK (verdict IN ('genuine_first_scan', 'genuine_repeat', 'suspicious', 'voided')),
  -- Coarse facts only: never the full IP address.
  user_agent_family text NOT NULL,
  language          text,
  ip_prefix         text
);

-- A stamp's scan history, oldest first.
CREATE INDEX scan_serial_scanned_idx ON scan (serial, scanned_at);
-- Statistics per batch and quarter.
CREATE INDEX scan_batch_scanned_idx ON scan (batch_id, scanned_at);

-- One row per scanned stamp, kept up to date by the same statement that writes a batch of scans,
-- so the resolver seeds its counters with one indexed read instead of counting scans.
CREATE TABLE stamp_scan_summary (
  serial           text PRIMARY KEY REFERENCES stamp (serial),
  scan_count       integer NOT NULL DEFAULT 0 CHECK (scan_count >= 0),
  first_scanned_at timestamptz,
  last_scanned_at  timestamptz,
  -- Set when two located scans were too far apart too quickly: the label has been copied.
  flagged_at       timestamptz
);

-- No foreign key to scan: the buyer's page may send its location before the scan's batch is
-- written (by this or another instance). The signed scan token vouches for the scan instead.
CREATE TABLE scan_location (
  scan_id           uuid PRIMARY KEY,
  serial            text NOT NULL REFERENCES stamp (serial),
  scanned_at        timestamptz NOT NULL,
  lat               double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng               double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy_m        real CHECK (accuracy_m >= 0),
  located_at        timestamptz NOT NULL DEFAULT now(),
  -- Whether this location ruled out an earlier located scan of the same stamp (a counterfeit signal).
  impossible_travel boolean NOT NULL DEFAULT false
);

CREATE INDEX scan_location_serial_scanned_idx ON scan_location (serial, scanned_at);

-- The resolver walks /01/{gtin}/10/{lot} up to its batch.
CREATE INDEX batch_gtin_lot_idx ON batch (gtin, lot_code) WHERE gtin IS NOT NULL;
-- Statistics count stamps issued per quarter; rows arrive in issue order, so a BRIN index is tiny.
CREATE INDEX stamp_issued_brin ON stamp USING brin (issued_at);
