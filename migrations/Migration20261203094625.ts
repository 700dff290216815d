import { Migration } from '@mikro-orm/migrations';

/** Merged (archived) companies give their name back: the name + country rule holds among live companies only. */
export class Migration20261203094625 extends Migration {
  override name = 'Migration20261203094625';

  override up(): void | Promise<void> {
    this.addSql(`alter table "company" drop constraint "company_agency_normalized_name_country_unique";`);
    this.addSql(
      `create unique index "company_agency_normalized_name_country_unique" on "company" ("agency_id", "normalized_name", "country") where merged_into_id is null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "company_agency_normalized_name_country_unique";`);
    this.addSql(
      `alter table "company" add constraint "company_agency_normalized_name_country_unique" unique ("agency_id", "normalized_name", "country");`,
    );
  }
}
