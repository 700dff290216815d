import { Migration } from '@mikro-orm/migrations';

export class Migration20261206005740 extends Migration {
  override name = 'Migration20261206005740';

  override up(): void | Promise<void> {
    this.addSql(
      `create index "company_agency_id_country_index" on "company" ("agency_id", "country") include ("kind") where merged_into_id is null;`,
    );

    this.addSql(
      `create index "deal_closed_buyer_index" on "deal" ("buyer_id") include ("agency_id", "exporter_id", "stage_id", "source_mission_id", "closed_on") where closed_on is not null;`,
    );

    this.addSql(
      `create index "interaction_meeting_history_index" on "interaction" ("counterpart_id", "occurred_at") include ("agency_id", "status", "outcome", "exporter_id", "mission_id") where kind = 'MEETING';`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "company_agency_id_country_index";`);
    this.addSql(`drop index "deal_closed_buyer_index";`);
    this.addSql(`drop index "interaction_meeting_history_index";`);
  }
}
