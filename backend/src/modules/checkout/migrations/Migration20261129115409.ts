import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129115409 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "payment_notification" drop constraint if exists "payment_notification_source_external_id_unique";`,
    )
    this.addSql(
      `alter table if exists "order_part" drop constraint if exists "order_part_reference_unique";`,
    )
    this.addSql(
      `alter table if exists "order_part" drop constraint if exists "order_part_part_order_id_unique";`,
    )
    this.addSql(
      `create table if not exists "order_part" ("id" text not null, "order_id" text not null, "part_order_id" text not null, "seller_id" text not null, "commune_code" text not null, "reference" text not null, "currency_code" text not null, "amount" numeric not null, "payment_method" text check ("payment_method" in ('cod', 'vietqr', 'card', 'other')) not null, "payment_status" text check ("payment_status" in ('awaiting', 'captured', 'canceled', 'refunded')) not null, "captured_at" timestamptz null, "refunded_amount" numeric not null default 0, "status" text check ("status" in ('placed', 'shipped', 'delivered', 'canceled')) not null default 'placed', "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "payee" jsonb null, "raw_amount" jsonb not null, "raw_refunded_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_part_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_part_order_id" ON "order_part" ("order_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_part_part_order_id_unique" ON "order_part" ("part_order_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_part_reference_unique" ON "order_part" ("reference") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_part_deleted_at" ON "order_part" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_part_seller_id_created_at" ON "order_part" ("seller_id", "created_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_order_part_commune_code_created_at" ON "order_part" ("commune_code", "created_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "payment_notification" ("id" text not null, "source" text not null, "external_id" text not null, "order_part_id" text null, "outcome" text not null, "body" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_notification_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_payment_notification_deleted_at" ON "payment_notification" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_notification_source_external_id_unique" ON "payment_notification" ("source", "external_id") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_part" cascade;`)

    this.addSql(`drop table if exists "payment_notification" cascade;`)
  }
}
