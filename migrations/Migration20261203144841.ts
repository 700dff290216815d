import { Migration } from '@mikro-orm/migrations';

/**
 * An index on every foreign key column that lacked one (server/src/db/migrations.test.ts, "foreign
 * keys", lists the few that need none and why): deleting a user, stage, sector, deal or contact no
 * longer scans the referencing tables, and lists that join or filter by these columns can use them.
 */
export class Migration20261203144841 extends Migration {
  override name = 'Migration20261203144841';

  override up(): void | Promise<void> {
    this.addSql(`create index "api_token_user_id_index" on "api_token" ("user_id");`);
    this.addSql(`create index "company_account_manager_id_index" on "company" ("account_manager_id");`);
    this.addSql(`create index "company_sector_sector_id_index" on "company_sector" ("sector_id");`);
    this.addSql(`create index "deal_owner_id_index" on "deal" ("owner_id");`);
    this.addSql(`create index "deal_pipeline_id_index" on "deal" ("pipeline_id");`);
    this.addSql(`create index "deal_sector_id_index" on "deal" ("sector_id");`);
    this.addSql(`create index "deal_source_interaction_id_index" on "deal" ("source_interaction_id");`);
    this.addSql(`create index "deal_stage_change_changed_by_id_index" on "deal_stage_change" ("changed_by_id");`);
    this.addSql(`create index "deal_stage_change_from_stage_id_index" on "deal_stage_change" ("from_stage_id");`);
    this.addSql(`create index "deal_stage_change_to_stage_id_index" on "deal_stage_change" ("to_stage_id");`);
    this.addSql(`create index "interaction_author_id_index" on "interaction" ("author_id");`);
    this.addSql(`create index "interaction_deal_id_index" on "interaction" ("deal_id");`);
    this.addSql(`create index "interaction_contact_contact_id_index" on "interaction_contact" ("contact_id");`);
    this.addSql(`create index "mission_lead_id_index" on "mission" ("lead_id");`);
    this.addSql(`create index "mission_partner_company_id_index" on "mission_partner" ("company_id");`);
    this.addSql(`create index "mission_target_sector_sector_id_index" on "mission_target_sector" ("sector_id");`);
    this.addSql(`create index "one_time_token_created_by_id_index" on "one_time_token" ("created_by_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "api_token_user_id_index";`);
    this.addSql(`drop index "company_account_manager_id_index";`);
    this.addSql(`drop index "company_sector_sector_id_index";`);
    this.addSql(`drop index "deal_owner_id_index";`);
    this.addSql(`drop index "deal_pipeline_id_index";`);
    this.addSql(`drop index "deal_sector_id_index";`);
    this.addSql(`drop index "deal_source_interaction_id_index";`);
    this.addSql(`drop index "deal_stage_change_changed_by_id_index";`);
    this.addSql(`drop index "deal_stage_change_from_stage_id_index";`);
    this.addSql(`drop index "deal_stage_change_to_stage_id_index";`);
    this.addSql(`drop index "interaction_author_id_index";`);
    this.addSql(`drop index "interaction_deal_id_index";`);
    this.addSql(`drop index "interaction_contact_contact_id_index";`);
    this.addSql(`drop index "mission_lead_id_index";`);
    this.addSql(`drop index "mission_partner_company_id_index";`);
    this.addSql(`drop index "mission_target_sector_sector_id_index";`);
    this.addSql(`drop index "one_time_token_created_by_id_index";`);
  }
}
