import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Pre-order deposits (issue 17): a VietQR part's deposit asked first, and where it stands. */
export class Migration20261208000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "order_part" add column if not exists "deposit_amount" numeric null, add column if not exists "raw_deposit_amount" jsonb null, add column if not exists "deposit_status" text check ("deposit_status" in ('awaiting', 'captured', 'canceled', 'refunded')) null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "order_part" drop column if exists "deposit_amount", drop column if exists "raw_deposit_amount", drop column if exists "deposit_status";`,
    )
  }
}
