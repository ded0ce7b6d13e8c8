import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** E-invoices (issue 18): the seller's invoice series next to its tax code. */
export class Migration20261207150100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "seller" add column if not exists "invoice_series" text null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "seller" drop column if exists "invoice_series";`)
  }
}
