import { Migration } from '@mikro-orm/migrations';

export class Migration20261125132109 extends Migration {
  override name = 'Migration20261125132109';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "one_time_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "user_id" uuid not null, "purpose" text not null, "token_hash" char(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`alter table "one_time_token" add constraint "one_time_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "one_time_token_user_id_index" on "one_time_token" ("user_id");`);

    this.addSql(`alter table "user" add "deactivated_at" timestamptz null;`);
    // Accounts already inactive with a password were deactivated, not invited.
    this.addSql(
      `update "user" set "deactivated_at" = "updated_at" where not "active" and "password_hash" is not null;`,
    );

    this.addSql(
      `alter table "one_time_token" add constraint "one_time_token_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "one_time_token" add constraint "one_time_token_user_id_foreign" foreign key ("user_id") references "user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "one_time_token" add constraint "one_time_token_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "one_time_token" add constraint "one_time_token_purpose_check" check ("purpose" in ('INVITATION', 'PASSWORD_RESET'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "one_time_token" cascade;`);

    this.addSql(`alter table "user" drop column "deactivated_at";`);
  }
}
