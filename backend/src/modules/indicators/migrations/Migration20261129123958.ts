import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261129123958 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "indicator_fact" drop constraint if exists "indicator_fact_code_subject_id_period_unique";`,
    )
    this.addSql(
      `alter table if exists "indicator_event" drop constraint if exists "indicator_event_source_event_id_unique";`,
    )
    this.addSql(
      `alter table if exists "indicator_count" drop constraint if exists "indicator_count_commune_code_period_code_dimension_unique";`,
    )
    this.addSql(
      `create table if not exists "indicator_count" ("id" text not null, "code" text not null, "dimension" text not null default '', "commune_code" text not null, "province_code" text not null, "period" text not null, "numerator" numeric not null default 0, "denominator" numeric not null default 0, "raw_numerator" jsonb not null default '{"value":"0","precision":20}', "raw_denominator" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "indicator_count_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_count_deleted_at" ON "indicator_count" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_indicator_count_commune_code_period_code_dimension_unique" ON "indicator_count" ("commune_code", "period", "code", "dimension") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_count_province_code_period_code" ON "indicator_count" ("province_code", "period", "code") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "indicator_event" ("id" text not null, "source" text not null, "event_id" text not null, "type" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "indicator_event_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_event_deleted_at" ON "indicator_event" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_indicator_event_source_event_id_unique" ON "indicator_event" ("source", "event_id") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "indicator_fact" ("id" text not null, "code" text not null, "dimension" text not null default '', "subject_type" text not null, "subject_id" text not null, "ref_id" text null, "commune_code" text not null, "province_code" text not null, "period" text not null, "numerator" numeric not null default 0, "denominator" numeric not null default 0, "raw_numerator" jsonb not null default '{"value":"0","precision":20}', "raw_denominator" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "indicator_fact_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_fact_deleted_at" ON "indicator_fact" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_indicator_fact_code_subject_id_period_unique" ON "indicator_fact" ("code", "subject_id", "period") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_fact_commune_code_period_code" ON "indicator_fact" ("commune_code", "period", "code") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_indicator_fact_ref_id_code" ON "indicator_fact" ("ref_id", "code") WHERE deleted_at IS NULL;`,
    )

    this.addSql(
      `create table if not exists "quarter_snapshot" ("id" text not null, "commune_code" text not null, "province_code" text not null, "quarter" text not null, "indicators" jsonb not null, "closed_by" text not null, "closed_at" timestamptz not null, "reopened_by" text null, "reopened_at" timestamptz null, "reopen_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "quarter_snapshot_pkey" primary key ("id"));`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_quarter_snapshot_deleted_at" ON "quarter_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`,
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_quarter_snapshot_commune_code_quarter" ON "quarter_snapshot" ("commune_code", "quarter") WHERE deleted_at IS NULL;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "indicator_count" cascade;`)

    this.addSql(`drop table if exists "indicator_event" cascade;`)

    this.addSql(`drop table if exists "indicator_fact" cascade;`)

    this.addSql(`drop table if exists "quarter_snapshot" cascade;`)
  }
}
