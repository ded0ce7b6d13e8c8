-- Batch details (area, dates, certifications, a snapshot of the product and seller taken from the
-- backend when the batch is created) and the append-only, hash-chained event log.

-- Snapshot of the backend's product and seller. Batches created before this migration had no
-- snapshot: their text columns are filled with '', seller_kind stays NULL and created_by_type
-- reads 'unknown'.
ALTER TABLE batch
  ADD COLUMN product_handle       text NOT NULL DEFAULT '',
  ADD COLUMN product_thumbnail    text,
  ADD COLUMN seller_handle        text NOT NULL DEFAULT '',
  ADD COLUMN seller_name          text NOT NULL DEFAULT '',
  ADD COLUMN seller_kind          text CHECK (seller_kind IN ('cooperative', 'household')),
  ADD COLUMN seller_address       text,
  ADD COLUMN seller_phone         text,
  ADD COLUMN seller_commune_code  text NOT NULL DEFAULT '',
  ADD COLUMN seller_commune_name  text NOT NULL DEFAULT '',
  ADD COLUMN seller_province_code text NOT NULL DEFAULT '',
  ADD COLUMN seller_province_name text NOT NULL DEFAULT '',
  ADD COLUMN seller_village_name  text,
  -- Production area.
  ADD COLUMN area_village         text,
  ADD COLUMN area_plot            text,
  ADD COLUMN area_lat             double precision CHECK (area_lat BETWEEN -90 AND 90),
  ADD COLUMN area_lng             double precision CHECK (area_lng BETWEEN -180 AND 180),
  -- Dates of the lot.
  ADD COLUMN started_on           date,
  ADD COLUMN harvested_on         date,
  ADD COLUMN produced_on          date,
  ADD COLUMN packed_on            date,
  ADD COLUMN expires_on           date,
  -- Certifications. OCOP stars come from the body for now; later from the commune's registry.
  ADD COLUMN vietgap_number       text,
  ADD COLUMN vietgap_valid_from   date,
  ADD COLUMN vietgap_valid_until  date,
  ADD COLUMN organic_certifier    text,
  ADD COLUMN organic_number       text,
  ADD COLUMN ocop_stars           smallint CHECK (ocop_stars IN (3, 4, 5)),
  -- Who created it: the token's actor type, and the seller a helper acted for.
  ADD COLUMN created_by_type      text NOT NULL DEFAULT 'unknown',
  ADD COLUMN on_behalf_of         text,
  ADD COLUMN updated_at           timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN sealed_at            timestamptz,
  ADD COLUMN recalled_at          timestamptz,
  ADD COLUMN recall_reason        text,
  -- Head of the event chain: verify compares it with the last event, so a deleted tail shows.
  ADD COLUMN event_count          integer NOT NULL DEFAULT 0 CHECK (event_count >= 0),
  ADD COLUMN event_head_hash      text CHECK (event_head_hash ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT batch_area_coordinates_paired CHECK ((area_lat IS NULL) = (area_lng IS NULL)),
  -- started <= harvested <= produced <= packed <= expires, for every pair that is set.
  ADD CONSTRAINT batch_dates_in_order CHECK (
    (started_on IS NULL OR harvested_on IS NULL OR started_on <= harvested_on)
    AND (started_on IS NULL OR produced_on IS NULL OR started_on <= produced_on)
    AND (started_on IS NULL OR packed_on IS NULL OR started_on <= packed_on)
    AND (started_on IS NULL OR expires_on IS NULL OR started_on <= expires_on)
    AND (harvested_on IS NULL OR produced_on IS NULL OR harvested_on <= produced_on)
    AND (harvested_on IS NULL OR packed_on IS NULL OR harvested_on <= packed_on)
    AND (harvested_on IS NULL OR expires_on IS NULL OR harvested_on <= expires_on)
    AND (produced_on IS NULL OR packed_on IS NULL OR produced_on <= packed_on)
    AND (produced_on IS NULL OR expires_on IS NULL OR produced_on <= expires_on)
    AND (packed_on IS NULL OR expires_on IS NULL OR packed_on <= expires_on)
  ),
  ADD CONSTRAINT batch_vietgap_complete CHECK (
    (vietgap_number IS NULL AND vietgap_valid_from IS NULL AND vietgap_valid_until IS NULL)
    OR (vietgap_number IS NOT NULL AND vietgap_valid_from IS NOT NULL
        AND vietgap_valid_until IS NOT NULL AND vietgap_valid_from <= vietgap_valid_until)
  ),
  ADD CONSTRAINT batch_organic_complete CHECK ((organic_certifier IS NULL) = (organic_number IS NULL)),
  ADD CONSTRAINT batch_recall_final CHECK ((state = 'recalled') = (recalled_at IS NOT NULL));

-- The defaults above only filled existing rows; new rows must say who created them and carry a
-- real snapshot.
ALTER TABLE batch
  ALTER COLUMN product_handle DROP DEFAULT,
  ALTER COLUMN seller_handle DROP DEFAULT,
  ALTER COLUMN seller_name DROP DEFAULT,
  ALTER COLUMN seller_commune_code DROP DEFAULT,
  ALTER COLUMN seller_commune_name DROP DEFAULT,
  ALTER COLUMN seller_province_code DROP DEFAULT,
  ALTER COLUMN seller_province_name DROP DEFAULT,
  ALTER COLUMN created_by_type DROP DEFAULT;

-- Commune and province statistics group batches by the seller's units.
CREATE INDEX batch_commune_created_idx ON batch (seller_commune_code, created_at);
CREATE INDEX batch_province_created_idx ON batch (seller_province_code, created_at);

CREATE TABLE batch_event (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id         uuid NOT NULL REFERENCES batch (id),
  seq              integer NOT NULL CHECK (seq >= 1),
  type             text NOT NULL CHECK (type IN ('planting', 'input_applied', 'harvest',
                     'processing', 'packing', 'inspection', 'shipping', 'receiving', 'note')),
  occurred_at      timestamptz NOT NULL,
  -- The offset the event was recorded with ("+07:00"); timestamptz alone keeps only the instant.
  occurred_offset  text NOT NULL CHECK (occurred_offset ~ '^[+-][0-9]{2}:[0-9]{2}$'),
  place_name       text,
  place_lat        double precision CHECK (place_lat BETWEEN -90 AND 90),
  place_lng        double precision CHECK (place_lng BETWEEN -180 AND 180),
  actor_name       text,
  photos           jsonb NOT NULL DEFAULT '[]',
  note             text,
  -- The fields of the event's type (dose, lab result, quantity, ...), as validated by the service.
  details          jsonb NOT NULL DEFAULT '{}',
  recorded_at      timestamptz NOT NULL,
  recorded_by_type text NOT NULL,
  recorded_by_id   text NOT NULL,
  on_behalf_of     text,
  prev_hash        text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash             text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT batch_event_place_coordinates_paired CHECK ((place_lat IS NULL) = (place_lng IS NULL)),
  CONSTRAINT batch_event_seq_key UNIQUE (batch_id, seq)
);

-- Events are history: the service only ever inserts. Editing or deleting one needs a superuser
-- to drop this trigger (or session_replication_role = replica), and verify still shows the edit.
CREATE FUNCTION batch_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'batch_event is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER batch_event_no_update_delete
  BEFORE UPDATE OR DELETE ON batch_event
  FOR EACH ROW EXECUTE FUNCTION batch_event_append_only();

CREATE TRIGGER batch_event_no_truncate
  BEFORE TRUNCATE ON batch_event
  FOR EACH STATEMENT EXECUTE FUNCTION batch_event_append_only();
