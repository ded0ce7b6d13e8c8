-- A diary entry recorded offline on a phone is sent when the connection returns, and may be sent
-- again if the answer was lost on the way back. The phone gives each entry a key when it is
-- recorded (the Idempotency-Key header); the same key on the same batch is the same event, never a
-- second one. The key is not part of the hash chain: it says how the event arrived, not what
-- happened.

ALTER TABLE batch_event ADD COLUMN idempotency_key text;

CREATE UNIQUE INDEX batch_event_idempotency_key
  ON batch_event (batch_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
