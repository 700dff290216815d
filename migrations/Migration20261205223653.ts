import { Migration } from '@mikro-orm/migrations';

/** Issue 17: dismissed meeting suggestions. */
export class Migration20261205223653 extends Migration {
  override name = 'Migration20261205223653';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "suggestion_dismissal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "mission_id" uuid not null, "exporter_id" uuid not null, "counterpart_id" uuid not null, "dismissed_by_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(
      `create index "suggestion_dismissal_dismissed_by_id_index" on "suggestion_dismissal" ("dismissed_by_id");`,
    );
    this.addSql(
      `create index "suggestion_dismissal_counterpart_id_index" on "suggestion_dismissal" ("counterpart_id");`,
    );
    this.addSql(`create index "suggestion_dismissal_exporter_id_index" on "suggestion_dismissal" ("exporter_id");`);
    this.addSql(
      `create index "suggestion_dismissal_agency_id_counterpart_id_index" on "suggestion_dismissal" ("agency_id", "counterpart_id");`,
    );
    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_mission_id_exporter_id_count_cd0af_unique" unique ("mission_id", "exporter_id", "counterpart_id");`,
    );

    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_exporter_id_foreign" foreign key ("exporter_id") references "company" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_counterpart_id_foreign" foreign key ("counterpart_id") references "company" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "suggestion_dismissal" add constraint "suggestion_dismissal_dismissed_by_id_foreign" foreign key ("dismissed_by_id") references "user" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "suggestion_dismissal" cascade;`);
  }
}
