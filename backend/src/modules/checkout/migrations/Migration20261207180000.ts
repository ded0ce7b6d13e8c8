import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Produce sold by weight (issue 17): a part's weighing state, estimate and top-up payment. */
export class Migration20261207180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "order_part" add column if not exists "weighing" text check ("weighing" in ('none', 'required', 'weighed', 'contact_buyer', 'accepted')) not null default 'none', add column if not exists "estimated_amount" numeric null, add column if not exists "raw_estimated_amount" jsonb null, add column if not exists "weighed_at" timestamptz null, add column if not exists "topup_amount" numeric null, add column if not exists "raw_topup_amount" jsonb null, add column if not exists "topup_payment_id" text null, add column if not exists "topup_status" text check ("topup_status" in ('awaiting', 'captured', 'canceled', 'refunded')) null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "order_part" drop column if exists "weighing", drop column if exists "estimated_amount", drop column if exists "raw_estimated_amount", drop column if exists "weighed_at", drop column if exists "topup_amount", drop column if exists "raw_topup_amount", drop column if exists "topup_payment_id", drop column if exists "topup_status";`,
    )
  }
}
