-- EPCIS 2.0 capture (POST /capture): one row per capture job, and which EPCIS eventIDs became
-- which batch events, so a retried capture (the same eventID, or the same Idempotency-Key)
-- adds nothing twice. The query interface (GET /events) pages through events by record time.

CREATE TABLE epcis_capture (
  id              uuid PRIMARY KEY,
  -- Whose job it is: "seller:{id}" for a seller's members and helpers, "actor:{type}:{id}" else.
  owner           text NOT NULL,
  idempotency_key text,
  -- sha256 of the document as sent: the same key with another document is refused.
  document_hash   text NOT NULL,
  status          text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  event_count     integer NOT NULL DEFAULT 0,
  errors          jsonb NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  CONSTRAINT epcis_capture_key UNIQUE (owner, idempotency_key)
);

CREATE TABLE epcis_captured_event (
  -- The seller whose batch took the event: eventIDs are unique per seller, not across sellers.
  seller_id      text NOT NULL,
  epcis_event_id text NOT NULL,
  batch_event_id uuid NOT NULL REFERENCES batch_event (id),
  capture_id     uuid NOT NULL REFERENCES epcis_capture (id),
  PRIMARY KEY (seller_id, epcis_event_id)
);

CREATE INDEX batch_event_recorded_idx ON batch_event (recorded_at, id);
