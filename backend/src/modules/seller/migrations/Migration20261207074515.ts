import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261207074515 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "seller" add column if not exists "payee_confirmed_at" timestamptz null, add column if not exists "payee_confirmed_by" text null, add column if not exists "pending_changes" jsonb null, add column if not exists "pending_changes_at" timestamptz null, add column if not exists "pending_changes_by" text null;`,
    )

    this.addSql(
      `alter table if exists "helper_grant" add column if not exists "token_hash" text null, add column if not exists "expires_at" timestamptz null, add column if not exists "accepted_at" timestamptz null;`,
    )

    // No payee stored so far was ever confirmed by anyone: each becomes a change awaiting the
    // commune's review, and its seller gets no VietQR until then.
    this.addSql(
      `update "seller" set "pending_changes" = jsonb_strip_nulls(jsonb_build_object('bank_bin', "bank_bin", 'bank_account_number', "bank_account_number", 'bank_account_name', "bank_account_name")), "pending_changes_at" = now(), "pending_changes_by" = 'migration', "bank_bin" = null, "bank_account_number" = null, "bank_account_name" = null where "payee_confirmed_at" is null and ("bank_bin" is not null or "bank_account_number" is not null or "bank_account_name" is not null);`,
    )

    // Grants made before acceptance existed stay live: their sellers chose them knowingly.
    this.addSql(
      `update "helper_grant" set "accepted_at" = "created_at" where "accepted_at" is null;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "seller" drop column if exists "payee_confirmed_at", drop column if exists "payee_confirmed_by", drop column if exists "pending_changes", drop column if exists "pending_changes_at", drop column if exists "pending_changes_by";`,
    )

    this.addSql(
      `alter table if exists "helper_grant" drop column if exists "token_hash", drop column if exists "expires_at", drop column if exists "accepted_at";`,
    )
  }
}
