import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123151937 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "officer" drop constraint if exists "officer_email_unique";`)
    this.addSql(
      `alter table if exists "ocop_entry" drop constraint if exists "ocop_entry_commune_code_certificate_number_unique";`,
    )
    this.addSql(
      `alter table if exists "ocop_entry" drop constraint if exists "ocop_entry_product_id_unique";`,
    )
    this.addSql(
      `create table if not exists "ocop_entry" ("id" text not null, "commune_code" text not null, "seller_id" text not null, "product_name" text not null, "group" text check ("group" in ('food', 'beverage', 'herbal', 'textile', 'souvenir_furniture_decoration', 'rural_tourism_service')) not null, "stars" integer not null, "certificate_number" text not null, "decision_number" text null, "issuing_level" text check ("issuing_level" in ('commune', 'district', 'province', 'central')) not null, "issued_on" timestamptz not null, "expires_on" timestamptz not null, "product_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_entry_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_entry_commune_code" ON "ocop_entry" ("commune_code") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_entry_seller_id" ON "ocop_entry" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_ocop_entry_deleted_at" ON "ocop_entry" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_entry_product_id_unique" ON "ocop_entry" ("product_id") WHERE product_id IS NOT NULL AND deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_ocop_entry_commune_code_certificate_number_unique" ON "ocop_entry" ("commune_code", "certificate_number") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "officer" ("id" text not null, "email" text not null, "name" text not null, "level" text check ("level" in ('commune', 'province')) not null, "commune_code" text null, "province_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "officer_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_officer_email_unique" ON "officer" ("email") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_officer_deleted_at" ON "officer" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_entry" cascade;`)

    this.addSql(`drop table if exists "officer" cascade;`)
  }
}
