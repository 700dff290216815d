import { Migration } from '@mikro-orm/migrations';

/**
 * Every list page counts the live companies (or contacts) of its agency: at 100,000 companies
 * PostgreSQL read the whole table for it (26 ms; 40 ms over 200,000 contacts, in three
 * processes). These partial indexes hold one agency id per live row, deduplicated: the count
 * reads them alone (9 ms and 17 ms).
 */
export class Migration20261204215626 extends Migration {
  override name = 'Migration20261204215626';

  override up(): void | Promise<void> {
    this.addSql(`create index "company_agency_id_live_index" on "company" ("agency_id") where merged_into_id is null;`);
    this.addSql(`create index "contact_agency_id_live_index" on "contact" ("agency_id") where merged_into_id is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "company_agency_id_live_index";`);
    this.addSql(`drop index "contact_agency_id_live_index";`);
  }
}
