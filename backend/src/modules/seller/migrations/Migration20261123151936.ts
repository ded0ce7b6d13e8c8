import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261123151936 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "seller_member" drop constraint if exists "seller_member_email_unique";`,
    )
    this.addSql(
      `alter table if exists "seller_invite" drop constraint if exists "seller_invite_token_hash_unique";`,
    )
    this.addSql(
      `alter table if exists "helper_grant" drop constraint if exists "helper_grant_seller_id_helper_id_unique";`,
    )
    this.addSql(`alter table if exists "seller" drop constraint if exists "seller_handle_unique";`)
    this.addSql(`alter table if exists "helper" drop constraint if exists "helper_email_unique";`)
    this.addSql(
      `create table if not exists "helper" ("id" text not null, "email" text not null, "name" text not null, "phone" text null, "commune_code" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "helper_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_helper_email_unique" ON "helper" ("email") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_helper_deleted_at" ON "helper" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "seller" ("id" text not null, "handle" text not null, "name" text not null, "kind" text check ("kind" in ('cooperative', 'household')) not null, "tax_code" text null, "commune_code" text not null, "province_code" text not null, "village_code" text null, "address" text null, "phone" text null, "email" text null, "description" text null, "logo_url" text null, "bank_bin" text null, "bank_account_number" text null, "bank_account_name" text null, "state" text check ("state" in ('pending', 'approved', 'suspended')) not null default 'pending', "state_reason" text null, "state_changed_at" timestamptz null, "state_changed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "seller_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_seller_handle_unique" ON "seller" ("handle") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_commune_code" ON "seller" ("commune_code") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_deleted_at" ON "seller" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "helper_grant" ("id" text not null, "granted_by" text not null, "revoked_at" timestamptz null, "revoked_by" text null, "seller_id" text not null, "helper_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "helper_grant_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_helper_grant_seller_id" ON "helper_grant" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_helper_grant_helper_id" ON "helper_grant" ("helper_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_helper_grant_deleted_at" ON "helper_grant" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_helper_grant_seller_id_helper_id_unique" ON "helper_grant" ("seller_id", "helper_id") WHERE revoked_at IS NULL AND deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "seller_invite" ("id" text not null, "email" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by" text not null, "seller_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "seller_invite_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_seller_invite_token_hash_unique" ON "seller_invite" ("token_hash") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_invite_seller_id" ON "seller_invite" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_invite_deleted_at" ON "seller_invite" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "seller_member" ("id" text not null, "email" text not null, "name" text not null, "phone" text null, "role" text check ("role" in ('owner', 'staff')) not null, "seller_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "seller_member_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_seller_member_email_unique" ON "seller_member" ("email") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_member_seller_id" ON "seller_member" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_seller_member_deleted_at" ON "seller_member" ("deleted_at") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `alter table if exists "helper_grant" add constraint "helper_grant_seller_id_foreign" foreign key ("seller_id") references "seller" ("id") on update cascade on delete cascade;`,
    )
    this.addSql(
      `alter table if exists "helper_grant" add constraint "helper_grant_helper_id_foreign" foreign key ("helper_id") references "helper" ("id") on update cascade;`,
    )

    this.addSql(
      `alter table if exists "seller_invite" add constraint "seller_invite_seller_id_foreign" foreign key ("seller_id") references "seller" ("id") on update cascade on delete cascade;`,
    )

    this.addSql(
      `alter table if exists "seller_member" add constraint "seller_member_seller_id_foreign" foreign key ("seller_id") references "seller" ("id") on update cascade on delete cascade;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "helper_grant" drop constraint if exists "helper_grant_helper_id_foreign";`,
    )

    this.addSql(
      `alter table if exists "helper_grant" drop constraint if exists "helper_grant_seller_id_foreign";`,
    )

    this.addSql(
      `alter table if exists "seller_invite" drop constraint if exists "seller_invite_seller_id_foreign";`,
    )

    this.addSql(
      `alter table if exists "seller_member" drop constraint if exists "seller_member_seller_id_foreign";`,
    )

    this.addSql(`drop table if exists "helper" cascade;`)

    this.addSql(`drop table if exists "seller" cascade;`)

    this.addSql(`drop table if exists "helper_grant" cascade;`)

    this.addSql(`drop table if exists "seller_invite" cascade;`)

    this.addSql(`drop table if exists "seller_member" cascade;`)
  }
}
