-- Indicator events for the Medusa backend (a transactional outbox): each row is written in the
-- same transaction as what it counts (stamps issued or voided, a write of the scan log), so an
-- event exists exactly when its source change committed. The outbox deliverer
-- (src/jobs/outbox-deliverer.ts) POSTs pending rows in signed batches, at least once.

CREATE TABLE outbox_event (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type            text NOT NULL CHECK (type IN ('stamps.issued', 'stamps.voided', 'scans.recorded')),
  -- The event's fields besides id, type and occurred_at (seller_id, product_id, batch_id, counts).
  payload         jsonb NOT NULL,
  -- When what it counts happened (the source rows' time), not when the row was written.
  occurred_at     timestamptz NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  -- POSTs tried so far (failed ones, and the one that succeeded).
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Not before: the backoff after a failure, or a deliverer's claim while its POST is in flight.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text
);

-- Deliverers claim pending rows oldest first; the index holds only what is still to send.
CREATE INDEX outbox_event_pending_idx ON outbox_event (created_at) WHERE delivered_at IS NULL;
-- Delivered rows are deleted after a retention period, oldest first.
CREATE INDEX outbox_event_delivered_idx ON outbox_event (delivered_at) WHERE delivered_at IS NOT NULL;
