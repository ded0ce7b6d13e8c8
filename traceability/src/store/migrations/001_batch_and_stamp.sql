-- Batches (production lots) and the stamps issued for them.

CREATE TABLE batch (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seller_id     text NOT NULL,
  product_id    text NOT NULL,
  product_title text NOT NULL,
  gtin          text CHECK (gtin ~ '^[0-9]{14}$'),
  lot_code      text NOT NULL CHECK (char_length(lot_code) BETWEEN 1 AND 20),
  quantity      numeric NOT NULL CHECK (quantity > 0),
  unit          text NOT NULL,
  state         text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'sealed', 'recalled')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    text NOT NULL
);

-- A lot code names one lot of one product: a Digital Link /01/{gtin}/10/{lot} must be unambiguous.
CREATE UNIQUE INDEX batch_seller_product_lot_key ON batch (seller_id, product_id, lot_code);
-- The seller portal lists a seller's batches, newest first.
CREATE INDEX batch_seller_created_idx ON batch (seller_id, created_at DESC);

CREATE TABLE stamp (
  serial          text PRIMARY KEY,
  batch_id        uuid NOT NULL REFERENCES batch (id),
  uri             text NOT NULL,
  state           text NOT NULL DEFAULT 'issued' CHECK (state IN ('issued', 'voided')),
  issued_at       timestamptz NOT NULL DEFAULT now(),
  -- The Idempotency-Key of the request that issued the stamp, so a retried request returns the
  -- same stamps instead of printing a second set.
  idempotency_key text
);

CREATE INDEX stamp_batch_idx ON stamp (batch_id);
CREATE INDEX stamp_batch_idempotency_key_idx ON stamp (batch_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
