import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123151938 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "audit_entry" ("id" text not null, "actor_type" text not null, "actor_id" text not null, "on_behalf_of" text null, "seller_id" text null, "commune_code" text null, "action" text not null, "resource_type" text not null, "resource_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "audit_entry_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_deleted_at" ON "audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_seller_id_created_at" ON "audit_entry" ("seller_id", "created_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_audit_entry_commune_code_created_at" ON "audit_entry" ("commune_code", "created_at") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`)
  }
}
