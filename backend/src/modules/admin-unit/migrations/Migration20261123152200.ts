import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The 34 provincial units in force since 1 July 2025, as in data/provinces.csv (an integration
 * test keeps the two in step). Data lives in the migration, as Medusa's region module ships its
 * countries, so every database has the provinces before any commune is imported; a later change
 * to the list is a new migration or an import, never an edit here.
 */
const PROVINCES: [code: string, name: string, kind: "province" | "city"][] = [
  ["01", "Thành phố Hà Nội", "city"],
  ["04", "Tỉnh Cao Bằng", "province"],
  ["08", "Tỉnh Tuyên Quang", "province"],
  ["11", "Tỉnh Điện Biên", "province"],
  ["12", "Tỉnh Lai Châu", "province"],
  ["14", "Tỉnh Sơn La", "province"],
  ["15", "Tỉnh Lào Cai", "province"],
  ["19", "Tỉnh Thái Nguyên", "province"],
  ["20", "Tỉnh Lạng Sơn", "province"],
  ["22", "Tỉnh Quảng Ninh", "province"],
  ["24", "Tỉnh Bắc Ninh", "province"],
  ["25", "Tỉnh Phú Thọ", "province"],
  ["31", "Thành phố Hải Phòng", "city"],
  ["33", "Tỉnh Hưng Yên", "province"],
  ["37", "Tỉnh Ninh Bình", "province"],
  ["38", "Tỉnh Thanh Hóa", "province"],
  ["40", "Tỉnh Nghệ An", "province"],
  ["42", "Tỉnh Hà Tĩnh", "province"],
  ["44", "Tỉnh Quảng Trị", "province"],
  ["46", "Thành phố Huế", "city"],
  ["48", "Thành phố Đà Nẵng", "city"],
  ["51", "Tỉnh Quảng Ngãi", "province"],
  ["52", "Tỉnh Gia Lai", "province"],
  ["56", "Tỉnh Khánh Hòa", "province"],
  ["66", "Tỉnh Đắk Lắk", "province"],
  ["68", "Tỉnh Lâm Đồng", "province"],
  ["75", "Tỉnh Đồng Nai", "province"],
  ["79", "Thành phố Hồ Chí Minh", "city"],
  ["80", "Tỉnh Tây Ninh", "province"],
  ["82", "Tỉnh Đồng Tháp", "province"],
  ["86", "Tỉnh Vĩnh Long", "province"],
  ["91", "Tỉnh An Giang", "province"],
  ["92", "Thành phố Cần Thơ", "city"],
  ["96", "Tỉnh Cà Mau", "province"],
]

export class Migration20261123152200 extends Migration {
  override async up(): Promise<void> {
    // The importer checks parents itself; the keys keep any other writer honest too. Deferred to
    // commit: MikroORM flushes a transaction's inserts in an order of its own choosing.
    this.addSql(
      `alter table "admin_unit_commune" add constraint "admin_unit_commune_province_code_foreign" foreign key ("province_code") references "admin_unit_province" ("code") on update cascade on delete restrict deferrable initially deferred;`,
    )
    this.addSql(
      `alter table "admin_unit_village" add constraint "admin_unit_village_commune_code_foreign" foreign key ("commune_code") references "admin_unit_commune" ("code") on update cascade on delete restrict deferrable initially deferred;`,
    )
    const values = PROVINCES.map(([code, name, kind]) => `('${code}', '${name}', '${kind}')`)
    this.addSql(
      `insert into "admin_unit_province" ("code", "name", "kind") values ${values.join(", ")} on conflict ("code") do nothing;`,
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "admin_unit_village" drop constraint if exists "admin_unit_village_commune_code_foreign";`,
    )
    this.addSql(
      `alter table "admin_unit_commune" drop constraint if exists "admin_unit_commune_province_code_foreign";`,
    )
    const codes = PROVINCES.map(([code]) => `'${code}'`).join(", ")
    this.addSql(`delete from "admin_unit_province" where "code" in (${codes});`)
  }
}
