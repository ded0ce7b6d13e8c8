-- Stamp issuance as jobs (small runs finish in the request, large ones in the background), the
-- issue sequence of stamps within their batch, and voiding.

CREATE TABLE stamp_job (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id        uuid NOT NULL REFERENCES batch (id),
  -- Required on every request: a retry with the same key gets this job, never a second set.
  idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
  count           integer NOT NULL CHECK (count BETWEEN 1 AND 100000),
  -- The job's stamps get the issue numbers first_seq .. first_seq + count - 1 of their batch,
  -- reserved when the job is created, so a resumed job fills exactly its own numbers.
  first_seq       integer NOT NULL CHECK (first_seq >= 1),
  -- Stamps written so far; moves in the same transaction as each chunk of stamps.
  issued          integer NOT NULL DEFAULT 0,
  state           text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'running', 'done', 'failed')),
  -- The label sheet asked for (columns, rows, sizes in mm), with defaults filled in.
  layout          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by_type text NOT NULL,
  created_by      text NOT NULL,
  on_behalf_of    text,
  started_at      timestamptz,
  finished_at     timestamptz,
  -- The worker holding the job and until when; a lease that ran out (a crashed worker) lets
  -- another worker take the job over and resume from `issued`.
  lease_owner     text,
  lease_until     timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  error           text,
  CONSTRAINT stamp_job_issued_range CHECK (issued BETWEEN 0 AND count),
  CONSTRAINT stamp_job_done_when_complete CHECK ((state = 'done') = (issued = count)),
  CONSTRAINT stamp_job_batch_key UNIQUE (batch_id, idempotency_key)
);

-- Workers look for unfinished jobs whose lease ran out.
CREATE INDEX stamp_job_unfinished_idx ON stamp_job (created_at)
  WHERE state IN ('pending', 'running');

ALTER TABLE stamp
  ADD COLUMN seq                 integer,
  ADD COLUMN job_id              uuid REFERENCES stamp_job (id),
  ADD COLUMN voided_at           timestamptz,
  ADD COLUMN voided_by_type      text,
  ADD COLUMN voided_by           text,
  ADD COLUMN voided_on_behalf_of text,
  ADD COLUMN void_reason         text;

-- Stamps issued before jobs existed: number them in the order they were issued.
UPDATE stamp s SET seq = numbered.seq
FROM (
  SELECT serial, row_number() OVER (PARTITION BY batch_id ORDER BY issued_at, serial) AS seq
  FROM stamp
) numbered
WHERE s.serial = numbered.serial;

-- ... and give each Idempotency-Key they were issued under a finished job, so a retry of such a
-- request still returns its stamps.
INSERT INTO stamp_job (batch_id, idempotency_key, count, first_seq, issued, state, layout,
                       created_at, created_by_type, created_by, started_at, finished_at)
SELECT batch_id, idempotency_key, count(*), min(seq), count(*), 'done',
       '{"columns": 3, "rows": 8, "label_width_mm": 63.5, "label_height_mm": 33.9,
         "margin_top_mm": 12.9, "margin_left_mm": 7.2, "gap_x_mm": 2.5, "gap_y_mm": 0}',
       min(issued_at), 'unknown', 'unknown', min(issued_at), min(issued_at)
FROM stamp
WHERE idempotency_key IS NOT NULL
GROUP BY batch_id, idempotency_key;

UPDATE stamp s SET job_id = j.id
FROM stamp_job j
WHERE s.batch_id = j.batch_id AND s.idempotency_key = j.idempotency_key;

ALTER TABLE stamp
  ALTER COLUMN seq SET NOT NULL,
  ADD CONSTRAINT stamp_seq_positive CHECK (seq >= 1),
  ADD CONSTRAINT stamp_voided_recorded CHECK (
    (state = 'voided') = (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL)
  );

-- One stamp per issue number and batch: even two workers racing on one job cannot duplicate a
-- stamp. Also serves every "stamps of a batch in issue order" read (CSV, PDF, void ranges).
CREATE UNIQUE INDEX stamp_batch_seq_key ON stamp (batch_id, seq);
DROP INDEX stamp_batch_idx;
-- Replaced by stamp_job_batch_key; the column stays for stamps issued before jobs existed.
DROP INDEX stamp_batch_idempotency_key_idx;
