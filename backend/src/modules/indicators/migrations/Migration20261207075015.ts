import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Facts carry the time they became true (`valid_from`) and stopped being (`valid_to`), so a
 * quarter closed later is frozen as it was at its last moment. Existing rows: stamp and scan
 * facts and order parts count in their own quarter whenever recorded (valid from the beginning);
 * present-state facts were overwritten in place until now, so their history starts when they
 * were last written.
 */
export class Migration20261207075015 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "indicator_fact" add column if not exists "valid_from" timestamptz null, add column if not exists "valid_to" timestamptz null;`,
    )
    this.addSql(
      `update "indicator_fact" set "valid_from" = case when "period" = 'now' and "code" <> 'STAMPED' then "created_at" else '-infinity'::timestamptz end where "valid_from" is null;`,
    )
    this.addSql(`alter table if exists "indicator_fact" alter column "valid_from" set not null;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_indicator_fact_code_subject_id_period_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_indicator_fact_code_subject_id_period_unique" ON "indicator_fact" ("code", "subject_id", "period") WHERE valid_to IS NULL AND deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_fact_subject_id_code_period" ON "indicator_fact" ("subject_id", "code", "period") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_indicator_fact_subject_id_code_period";`)
    this.addSql(`delete from "indicator_fact" where "valid_to" is not null;`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_indicator_fact_code_subject_id_period_unique";`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_indicator_fact_code_subject_id_period_unique" ON "indicator_fact" ("code", "subject_id", "period") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `alter table if exists "indicator_fact" drop column if exists "valid_from", drop column if exists "valid_to";`,
    )
  }
}
