import { Migration } from '@mikro-orm/migrations';

export class Migration20261125120316 extends Migration {
  override name = 'Migration20261125120316';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "agency" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "short_name" varchar(60) not null, "kind" text not null, "country" char(2) not null, "base_currency" char(3) not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "agency" add constraint "agency_base_currency_check" check (base_currency ~ '^[A-Z]{3}$');`,
    );
    this.addSql(`alter table "agency" add constraint "agency_country_check" check (country ~ '^[A-Z]{2}$');`);
    this.addSql(
      `alter table "agency" add constraint "agency_kind_check" check ("kind" in ('CITY_EXPORT_CENTER', 'NATIONAL_EXPORT_AGENCY', 'EXPORTERS_ASSOCIATION', 'BUSINESS_COUNCIL', 'CHAMBER', 'TRADE_REPRESENTATION'));`,
    );

    this.addSql(
      `create table "exchange_rate" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "currency" char(3) not null, "valid_on" date not null, "rate" numeric(24,10) not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "exchange_rate" add constraint "exchange_rate_agency_currency_valid_on_unique" unique ("agency_id", "currency", "valid_on");`,
    );
    this.addSql(
      `alter table "exchange_rate" add constraint "exchange_rate_currency_check" check (currency ~ '^[A-Z]{3}$');`,
    );
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_rate_check" check (rate > 0);`);

    this.addSql(
      `create table "pipeline" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "name" varchar(120) not null, "is_default" boolean not null default false, primary key ("id"));`,
    );
    this.addSql(`alter table "pipeline" add constraint "pipeline_agency_name_unique" unique ("agency_id", "name");`);

    this.addSql(
      `create table "pipeline_stage" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "pipeline_id" uuid not null, "name" varchar(120) not null, "position" int not null, "category" text not null, "probability" smallint not null, "retired" boolean not null default false, primary key ("id"));`,
    );
    this.addSql(
      `create index "pipeline_stage_pipeline_id_position_index" on "pipeline_stage" ("pipeline_id", "position");`,
    );
    this.addSql(`alter table "pipeline_stage" add constraint "pipeline_stage_position_check" check (position >= 0);`);
    this.addSql(
      `alter table "pipeline_stage" add constraint "pipeline_stage_probability_check" check (probability >= 0 and probability <= 100);`,
    );
    this.addSql(
      `alter table "pipeline_stage" add constraint "pipeline_stage_category_check" check ("category" in ('OPEN', 'WON', 'LOST'));`,
    );

    this.addSql(
      `create table "sector" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "code" varchar(60) not null, "names" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`alter table "sector" add constraint "sector_agency_code_unique" unique ("agency_id", "code");`);

    this.addSql(
      `create table "user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "email" varchar(254) not null, "full_name" varchar(200) not null, "role" text not null, "active" boolean not null default true, "locale" text not null default 'fr', "password_hash" text null, "last_login_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);
    this.addSql(`create index "user_agency_id_full_name_id_index" on "user" ("agency_id", "full_name", "id");`);
    this.addSql(
      `alter table "user" add constraint "user_role_check" check ("role" in ('ADMIN', 'ACCOUNT_MANAGER', 'ANALYST'));`,
    );
    this.addSql(`alter table "user" add constraint "user_locale_check" check ("locale" in ('fr', 'en', 'ru'));`);

    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "user_id" uuid not null, "token_hash" char(64) not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, "user_agent" text null, primary key ("id"));`,
    );
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_user_id_expires_at_index" on "session" ("user_id", "expires_at");`);

    this.addSql(
      `create table "mission" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "name" varchar(300) not null, "normalized_name" varchar(300) not null, "kind" text not null, "status" text not null default 'PLANNED', "host_country" char(2) not null, "city" varchar(120) null, "starts_on" date null, "ends_on" date null, "dates_approximate" boolean not null default false, "description" text null, "organizer_id" uuid null, "lead_id" uuid null, "budget_amount" numeric(18,2) null, "budget_currency" char(3) null, primary key ("id"));`,
    );
    this.addSql(`create index "mission_agency_id_created_at_id_index" on "mission" ("agency_id", "created_at", "id");`);
    this.addSql(`create index "mission_agency_id_name_id_index" on "mission" ("agency_id", "name", "id");`);
    this.addSql(`create index "mission_agency_id_starts_on_id_index" on "mission" ("agency_id", "starts_on", "id");`);
    this.addSql(
      `alter table "mission" add constraint "mission_budget_currency_check" check ((budget_amount is null) = (budget_currency is null) and (budget_currency is null or budget_currency ~ '^[A-Z]{3}$'));`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_budget_check" check (budget_amount is null or budget_amount >= 0);`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_host_country_check" check (host_country ~ '^[A-Z]{2}$');`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_dates_check" check (ends_on is null or starts_on is null or ends_on >= starts_on);`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_kind_check" check ("kind" in ('TRADE_MISSION', 'BUYERS_PROGRAMME', 'BUSINESS_FORUM', 'INBOUND_DELEGATION', 'ONLINE_MISSION', 'TRADE_FAIR'));`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_status_check" check ("status" in ('PLANNED', 'OPEN', 'ONGOING', 'COMPLETED', 'CANCELLED'));`,
    );

    this.addSql(
      `create table "mission_target_sector" ("mission_id" uuid not null, "sector_id" uuid not null, primary key ("mission_id", "sector_id"));`,
    );

    this.addSql(
      `create table "company" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "name" varchar(300) not null, "normalized_name" varchar(300) not null, "kind" text not null, "country" char(2) not null, "city" varchar(120) null, "website" varchar(500) null, "brands" text[] not null default '{}', "notes" text null, "account_manager_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "company_agency_id_kind_index" on "company" ("agency_id", "kind");`);
    this.addSql(`create index "company_agency_id_created_at_id_index" on "company" ("agency_id", "created_at", "id");`);
    this.addSql(`create index "company_agency_id_name_id_index" on "company" ("agency_id", "name", "id");`);
    this.addSql(
      `alter table "company" add constraint "company_agency_normalized_name_country_unique" unique ("agency_id", "normalized_name", "country");`,
    );
    this.addSql(`alter table "company" add constraint "company_country_check" check (country ~ '^[A-Z]{2}$');`);
    this.addSql(
      `alter table "company" add constraint "company_kind_check" check ("kind" in ('EXPORTER', 'BUYER', 'DISTRIBUTOR', 'RETAILER', 'INSTITUTION', 'PARTNER'));`,
    );

    this.addSql(
      `create table "mission_participant" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "mission_id" uuid not null, "company_id" uuid not null, "status" text not null default 'INVITED', "notes" text null, primary key ("id"));`,
    );
    this.addSql(`create index "mission_participant_company_id_index" on "mission_participant" ("company_id");`);
    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_mission_company_unique" unique ("mission_id", "company_id");`,
    );
    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_status_check" check ("status" in ('INVITED', 'REGISTERED', 'CONFIRMED', 'ATTENDED', 'WITHDREW'));`,
    );

    this.addSql(
      `create table "mission_partner" ("mission_id" uuid not null, "company_id" uuid not null, primary key ("mission_id", "company_id"));`,
    );

    this.addSql(
      `create table "deal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "title" varchar(300) not null, "pipeline_id" uuid not null, "stage_id" uuid not null, "exporter_id" uuid not null, "buyer_id" uuid null, "source_mission_id" uuid null, "source_interaction_id" uuid null, "owner_id" uuid not null, "amount" numeric(18,2) null, "currency" char(3) not null, "expected_close_on" date null, "closed_on" date null, "lost_reason" text null, "destination_country" char(2) null, "sector_id" uuid null, "products" text null, "version" int not null default 1, primary key ("id"));`,
    );
    this.addSql(`create index "deal_buyer_id_index" on "deal" ("buyer_id");`);
    this.addSql(`create index "deal_exporter_id_index" on "deal" ("exporter_id");`);
    this.addSql(`create index "deal_source_mission_id_index" on "deal" ("source_mission_id");`);
    this.addSql(`create index "deal_agency_id_closed_on_index" on "deal" ("agency_id", "closed_on");`);
    this.addSql(`create index "deal_stage_id_created_at_id_index" on "deal" ("stage_id", "created_at", "id");`);
    this.addSql(`create index "deal_agency_id_created_at_id_index" on "deal" ("agency_id", "created_at", "id");`);
    this.addSql(`alter table "deal" add constraint "deal_version_check" check (version >= 1);`);
    this.addSql(
      `alter table "deal" add constraint "deal_destination_country_check" check (destination_country is null or destination_country ~ '^[A-Z]{2}$');`,
    );
    this.addSql(`alter table "deal" add constraint "deal_currency_check" check (currency ~ '^[A-Z]{3}$');`);
    this.addSql(`alter table "deal" add constraint "deal_amount_check" check (amount is null or amount >= 0);`);

    this.addSql(
      `create table "task" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "title" varchar(300) not null, "notes" text null, "due_on" date null, "done" boolean not null default false, "done_at" timestamptz null, "assignee_id" uuid not null, "deal_id" uuid null, "company_id" uuid null, "mission_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "task_mission_id_index" on "task" ("mission_id");`);
    this.addSql(`create index "task_company_id_index" on "task" ("company_id");`);
    this.addSql(`create index "task_deal_id_index" on "task" ("deal_id");`);
    this.addSql(`create index "task_assignee_id_done_due_on_index" on "task" ("assignee_id", "done", "due_on");`);
    this.addSql(`create index "task_agency_id_due_on_id_index" on "task" ("agency_id", "due_on", "id");`);
    this.addSql(
      `alter table "task" add constraint "task_done_at_check" check ((done and done_at is not null) or (not done and done_at is null));`,
    );
    this.addSql(
      `alter table "task" add constraint "task_subject_check" check (num_nonnulls(deal_id, company_id, mission_id) = 1);`,
    );

    this.addSql(
      `create table "interaction" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "kind" text not null, "occurred_at" timestamptz not null, "subject" varchar(300) not null, "normalized_subject" varchar(300) not null, "notes" text null, "outcome" text null, "mission_id" uuid null, "exporter_id" uuid not null, "counterpart_id" uuid null, "author_id" uuid not null, "deal_id" uuid null, "starts_at" timestamptz null, "ends_at" timestamptz null, "place" varchar(200) null, "status" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "interaction_counterpart_id_occurred_at_index" on "interaction" ("counterpart_id", "occurred_at");`,
    );
    this.addSql(
      `create index "interaction_exporter_id_occurred_at_index" on "interaction" ("exporter_id", "occurred_at");`,
    );
    this.addSql(`create index "interaction_mission_id_starts_at_index" on "interaction" ("mission_id", "starts_at");`);
    this.addSql(
      `create index "interaction_agency_id_occurred_at_id_index" on "interaction" ("agency_id", "occurred_at", "id");`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_counterpart_check" check (counterpart_id is null or counterpart_id <> exporter_id);`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_times_check" check (ends_at is null or starts_at is null or ends_at > starts_at);`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_kind_check" check ("kind" in ('MEETING', 'CALL', 'EMAIL', 'VISIT', 'NOTE'));`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_outcome_check" check ("outcome" in ('POSITIVE', 'NEUTRAL', 'NEGATIVE'));`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_status_check" check ("status" in ('PLANNED', 'HELD', 'CANCELLED', 'NO_SHOW'));`,
    );

    this.addSql(
      `create table "deal_stage_change" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "deal_id" uuid not null, "from_stage_id" uuid null, "to_stage_id" uuid not null, "changed_at" timestamptz not null, "changed_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(
      `create index "deal_stage_change_agency_id_changed_at_index" on "deal_stage_change" ("agency_id", "changed_at");`,
    );
    this.addSql(
      `create index "deal_stage_change_deal_id_changed_at_index" on "deal_stage_change" ("deal_id", "changed_at");`,
    );

    this.addSql(
      `create table "contact" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "company_id" uuid not null, "full_name" varchar(200) not null, "normalized_name" varchar(200) not null, "job_title" varchar(200) null, "email" varchar(254) null, "phone" varchar(40) null, "languages" text[] not null default '{}', primary key ("id"));`,
    );
    this.addSql(`create index "contact_agency_id_full_name_id_index" on "contact" ("agency_id", "full_name", "id");`);

    this.addSql(
      `create table "interaction_contact" ("interaction_id" uuid not null, "contact_id" uuid not null, primary key ("interaction_id", "contact_id"));`,
    );

    this.addSql(
      `create table "company_sector" ("company_id" uuid not null, "sector_id" uuid not null, primary key ("company_id", "sector_id"));`,
    );

    this.addSql(
      `create table "audit_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "actor_id" uuid null, "action" varchar(60) not null, "entity" varchar(60) not null, "entity_id" uuid not null, "changes" jsonb not null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_actor_id_at_index" on "audit_event" ("actor_id", "at");`);
    this.addSql(
      `create index "audit_event_agency_id_entity_entity_id_index" on "audit_event" ("agency_id", "entity", "entity_id");`,
    );
    this.addSql(`create index "audit_event_agency_id_at_id_index" on "audit_event" ("agency_id", "at", "id");`);

    this.addSql(
      `create table "api_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "user_id" uuid not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "token_hash" char(64) not null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `alter table "exchange_rate" add constraint "exchange_rate_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "pipeline" add constraint "pipeline_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "pipeline_stage" add constraint "pipeline_stage_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "pipeline_stage" add constraint "pipeline_stage_pipeline_id_foreign" foreign key ("pipeline_id") references "pipeline" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "sector" add constraint "sector_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "user" add constraint "user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "mission" add constraint "mission_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_organizer_id_foreign" foreign key ("organizer_id") references "agency" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "mission" add constraint "mission_lead_id_foreign" foreign key ("lead_id") references "user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "mission_target_sector" add constraint "mission_target_sector_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "mission_target_sector" add constraint "mission_target_sector_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "company" add constraint "company_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "company" add constraint "company_account_manager_id_foreign" foreign key ("account_manager_id") references "user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "mission_partner" add constraint "mission_partner_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "mission_partner" add constraint "mission_partner_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "deal" add constraint "deal_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_pipeline_id_foreign" foreign key ("pipeline_id") references "pipeline" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_stage_id_foreign" foreign key ("stage_id") references "pipeline_stage" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_exporter_id_foreign" foreign key ("exporter_id") references "company" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_buyer_id_foreign" foreign key ("buyer_id") references "company" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_source_mission_id_foreign" foreign key ("source_mission_id") references "mission" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_source_interaction_id_foreign" foreign key ("source_interaction_id") references "interaction" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_owner_id_foreign" foreign key ("owner_id") references "user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal" add constraint "deal_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "task" add constraint "task_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_assignee_id_foreign" foreign key ("assignee_id") references "user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "interaction" add constraint "interaction_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_exporter_id_foreign" foreign key ("exporter_id") references "company" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_counterpart_id_foreign" foreign key ("counterpart_id") references "company" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_author_id_foreign" foreign key ("author_id") references "user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "interaction" add constraint "interaction_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "deal_stage_change" add constraint "deal_stage_change_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "deal_stage_change" add constraint "deal_stage_change_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deal_stage_change" add constraint "deal_stage_change_from_stage_id_foreign" foreign key ("from_stage_id") references "pipeline_stage" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal_stage_change" add constraint "deal_stage_change_to_stage_id_foreign" foreign key ("to_stage_id") references "pipeline_stage" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal_stage_change" add constraint "deal_stage_change_changed_by_id_foreign" foreign key ("changed_by_id") references "user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "contact" add constraint "contact_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "contact" add constraint "contact_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "interaction_contact" add constraint "interaction_contact_interaction_id_foreign" foreign key ("interaction_id") references "interaction" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "interaction_contact" add constraint "interaction_contact_contact_id_foreign" foreign key ("contact_id") references "contact" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "company_sector" add constraint "company_sector_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "company_sector" add constraint "company_sector_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audit_event" add constraint "audit_event_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "user" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "api_token" add constraint "api_token_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "user" ("id") on delete cascade;`,
    );
  }
}
