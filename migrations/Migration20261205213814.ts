import { Migration } from '@mikro-orm/migrations';

/** Issue 16: the outbox of outgoing mail, the exporters' confirmations of won deals, an agency's sender. */
export class Migration20261205213814 extends Migration {
  override name = 'Migration20261205213814';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "outbox_mail" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "to_address" varchar(254) not null, "to_name" varchar(200) null, "template" varchar(60) not null, "locale" text not null, "subject" varchar(300) not null, "text_body" text not null, "html_body" text not null, "links" text[] not null default '{}', "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_error" text null, "sent_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "outbox_mail_created_by_id_index" on "outbox_mail" ("created_by_id");`);
    this.addSql(`create index "outbox_mail_due_index" on "outbox_mail" ("status", "next_attempt_at");`);
    this.addSql(
      `create index "outbox_mail_agency_id_created_at_id_index" on "outbox_mail" ("agency_id", "created_at", "id");`,
    );

    this.addSql(
      `create table "deal_confirmation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "deal_id" uuid not null, "contact_id" uuid null, "contact_email" varchar(254) not null, "contact_name" varchar(200) not null, "locale" text not null, "requested_by_id" uuid not null, "status" text not null default 'REQUESTED', "token_hashes" text[] not null, "expires_at" timestamptz not null, "reminders_sent" int not null default 0, "recorded_amount" numeric(18,2) null, "recorded_currency" char(3) not null, "recorded_closed_on" date null, "answered_at" timestamptz null, "confirmed_amount" numeric(18,2) null, "confirmed_currency" char(3) null, "confirmed_closed_on" date null, "help_rating" smallint null, "additionality" text null, "case_study_allowed" boolean null, "comment" text null, "history" jsonb not null, primary key ("id"));`,
    );
    this.addSql(
      `create unique index "deal_confirmation_one_open" on "deal_confirmation" ("deal_id") where status = 'REQUESTED';`,
    );
    this.addSql(`create index "deal_confirmation_token_hashes" on "deal_confirmation" using gin ("token_hashes");`);
    this.addSql(`create index "deal_confirmation_due_index" on "deal_confirmation" ("status", "expires_at");`);
    this.addSql(`create index "deal_confirmation_requested_by_id_index" on "deal_confirmation" ("requested_by_id");`);
    this.addSql(`create index "deal_confirmation_contact_id_index" on "deal_confirmation" ("contact_id");`);
    this.addSql(
      `create index "deal_confirmation_deal_id_created_at_index" on "deal_confirmation" ("deal_id", "created_at");`,
    );
    this.addSql(
      `create index "deal_confirmation_agency_id_status_index" on "deal_confirmation" ("agency_id", "status");`,
    );

    this.addSql(`alter table "agency" add "mail_from" varchar(254) null;`);

    this.addSql(
      `alter table "outbox_mail" add constraint "outbox_mail_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "outbox_mail" add constraint "outbox_mail_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "outbox_mail" add constraint "outbox_mail_locale_check" check ("locale" in ('fr', 'en', 'ru'));`,
    );
    this.addSql(
      `alter table "outbox_mail" add constraint "outbox_mail_status_check" check ("status" in ('PENDING', 'SENDING', 'SENT', 'FAILED'));`,
    );

    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_contact_id_foreign" foreign key ("contact_id") references "contact" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_requested_by_id_foreign" foreign key ("requested_by_id") references "user" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_help_check" check (help_rating >= 1 and help_rating <= 5);`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_locale_check" check ("locale" in ('fr', 'en', 'ru'));`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_status_check" check ("status" in ('REQUESTED', 'CONFIRMED', 'CORRECTED', 'DISPUTED', 'EXPIRED'));`,
    );
    this.addSql(
      `alter table "deal_confirmation" add constraint "deal_confirmation_additionality_check" check ("additionality" in ('YES', 'LATER_OR_SMALLER', 'NO'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "outbox_mail" cascade;`);
    this.addSql(`drop table if exists "deal_confirmation" cascade;`);

    this.addSql(`alter table "agency" drop column "mail_from";`);
  }
}
