import { Migration } from '@mikro-orm/migrations';

export class Migration20261125151031 extends Migration {
  override name = 'Migration20261125151031';

  override up(): void | Promise<void> {
    this.addSql(`drop index "mission_agency_id_name_id_index";`);
    this.addSql(
      `create index "mission_agency_id_normalized_name_id_index" on "mission" ("agency_id", "normalized_name", "id");`,
    );

    this.addSql(`drop index "company_agency_id_name_id_index";`);
    this.addSql(
      `create index "company_agency_id_normalized_name_id_index" on "company" ("agency_id", "normalized_name", "id");`,
    );

    this.addSql(`drop index "contact_agency_id_full_name_id_index";`);
    this.addSql(
      `create index "contact_agency_id_normalized_name_id_index" on "contact" ("agency_id", "normalized_name", "id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "company_agency_id_normalized_name_id_index";`);
    this.addSql(`create index "company_agency_id_name_id_index" on "company" ("agency_id", "name", "id");`);

    this.addSql(`drop index "contact_agency_id_normalized_name_id_index";`);
    this.addSql(`create index "contact_agency_id_full_name_id_index" on "contact" ("agency_id", "full_name", "id");`);

    this.addSql(`drop index "mission_agency_id_normalized_name_id_index";`);
    this.addSql(`create index "mission_agency_id_name_id_index" on "mission" ("agency_id", "name", "id");`);
  }
}
