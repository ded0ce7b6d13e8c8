-- The shop's product page shows the newest batch of a product that is not recalled
-- (GET /products/{product_id}/provenance): one index walk, newest first, per page render.
CREATE INDEX batch_product_created_idx ON batch (product_id, created_at DESC, id DESC);
