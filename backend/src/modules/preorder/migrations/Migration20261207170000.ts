import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Harvest pre-orders (issue 17): sales windows and the buyers' lines against them. */
export class Migration20261207170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "preorder_window" ("id" text not null, "seller_id" text not null, "product_id" text not null, "variant_id" text not null, "batch_id" text not null, "planned_quantity" integer not null, "ordered_quantity" integer not null default 0, "per_buyer_cap" integer null, "deposit_percent" integer null, "expected_harvest_on" text not null, "delivery_from" text not null, "delivery_to" text null, "closes_at" timestamptz null, "status" text check ("status" in ('open', 'closed', 'harvested', 'canceled')) not null default 'open', "harvested_quantity" integer null, "allocation" text check ("allocation" in ('first_come', 'pro_rata')) null, "harvested_at" timestamptz null, "cancel_reason" text null, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preorder_window_pkey" primary key ("id"), constraint "preorder_window_ordered_within_plan" check ("ordered_quantity" >= 0 and "ordered_quantity" <= "planned_quantity"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_window_deleted_at" ON "preorder_window" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_window_seller_id_created_at" ON "preorder_window" ("seller_id", "created_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_window_variant_id_status" ON "preorder_window" ("variant_id", "status") WHERE deleted_at IS NULL;`,
    )
    // One window a variant is sold through until its harvest or cancellation.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preorder_window_variant_unharvested" ON "preorder_window" ("variant_id") WHERE deleted_at IS NULL AND status in ('open', 'closed');`,
    )
    this.addSql(
      `create table if not exists "preorder_line" ("id" text not null, "window_id" text not null, "order_id" text not null, "part_order_id" text not null, "part_item_id" text not null, "buyer_email" text not null, "quantity" integer not null, "allocated_quantity" integer null, "status" text check ("status" in ('placed', 'allocated', 'adjusted', 'canceled')) not null default 'placed', "message" jsonb null, "difference" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "preorder_line_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_preorder_line_part_item_id_unique" ON "preorder_line" ("part_item_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_line_deleted_at" ON "preorder_line" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_line_window_id_created_at" ON "preorder_line" ("window_id", "created_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_preorder_line_window_id_buyer_email" ON "preorder_line" ("window_id", "buyer_email") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "preorder_line" cascade;`)
    this.addSql(`drop table if exists "preorder_window" cascade;`)
  }
}
