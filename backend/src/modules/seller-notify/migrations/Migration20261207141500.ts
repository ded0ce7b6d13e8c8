import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207141500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "notification_setting" ("id" text not null, "seller_id" text not null, "email" boolean not null default true, "sms" boolean not null default false, "zalo" boolean not null default false, "phone" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_setting_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_setting_seller_id_unique" ON "notification_setting" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notification_setting_deleted_at" ON "notification_setting" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `create table if not exists "notification_delivery" ("id" text not null, "seller_id" text not null, "channel" text check ("channel" in ('email', 'sms', 'zalo')) not null, "recipient" text not null, "template" text not null, "dedupe_key" text not null, "params" jsonb not null, "status" text check ("status" in ('pending', 'sent', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_delivery_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_seller_id" ON "notification_delivery" ("seller_id") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_deleted_at" ON "notification_delivery" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_delivery_dedupe_key_channel_recipient_unique" ON "notification_delivery" ("dedupe_key", "channel", "recipient") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_status_next_attempt_at" ON "notification_delivery" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_delivery" cascade;`)
    this.addSql(`drop table if exists "notification_setting" cascade;`)
  }
}
