import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Pre-order deposits: how many days a buyer has to pay the deposit (3 unless the seller says). */
export class Migration20261208000100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "preorder_window" add column if not exists "deposit_due_days" integer not null default 3;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "preorder_window" drop column if exists "deposit_due_days";`)
  }
}
