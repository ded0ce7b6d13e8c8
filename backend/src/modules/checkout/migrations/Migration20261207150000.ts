import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** E-invoices (issue 18): the seller_invoice table, one row per paid seller part. */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "seller_invoice" ("id" text not null, "seller_id" text not null, "order_part_id" text not null, "series" text not null, "number" integer not null, "period" text not null, "issued_on" text not null, "data" jsonb not null, "adjustment_note" text null, "adjusted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "seller_invoice_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_seller_invoice_order_part_id_unique" ON "seller_invoice" ("order_part_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_invoice_deleted_at" ON "seller_invoice" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_invoice_seller_id_period" ON "seller_invoice" ("seller_id", "period") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_seller_invoice_seller_id_series_number_unique" ON "seller_invoice" ("seller_id", "series", "number") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "seller_invoice" cascade;`)
  }
}
