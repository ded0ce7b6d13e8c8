import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123152131 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "admin_unit_commune" ("code" text not null, "name" text not null, "kind" text check ("kind" in ('commune', 'ward', 'special_zone')) not null default 'commune', "province_code" text not null, "former_district" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_unit_commune_pkey" primary key ("code"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_admin_unit_commune_deleted_at" ON "admin_unit_commune" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_admin_unit_commune_province_code" ON "admin_unit_commune" ("province_code") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "admin_unit_province" ("code" text not null, "name" text not null, "kind" text check ("kind" in ('province', 'city')) not null default 'province', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_unit_province_pkey" primary key ("code"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_admin_unit_province_deleted_at" ON "admin_unit_province" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "admin_unit_village" ("code" text not null, "name" text not null, "commune_code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_unit_village_pkey" primary key ("code"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_admin_unit_village_deleted_at" ON "admin_unit_village" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_admin_unit_village_commune_code" ON "admin_unit_village" ("commune_code") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "admin_unit_commune" cascade;`)

    this.addSql(`drop table if exists "admin_unit_province" cascade;`)

    this.addSql(`drop table if exists "admin_unit_village" cascade;`)
  }
}
