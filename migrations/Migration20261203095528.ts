import { Migration } from '@mikro-orm/migrations';

/** Uploaded import files, kept a day in the database so any server process serves the next steps. */
export class Migration20261203095528 extends Migration {
  override name = 'Migration20261203095528';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "import_file" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "created_by_id" uuid null, "file_name" varchar(300) not null, "file_size" int not null, "sha256" char(64) not null, "content" bytea not null, "expires_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "import_file_created_by_id_index" on "import_file" ("created_by_id");`);
    this.addSql(`create index "import_file_agency_id_expires_at_index" on "import_file" ("agency_id", "expires_at");`);

    this.addSql(
      `alter table "import_file" add constraint "import_file_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "import_file" add constraint "import_file_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete set null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "import_file" cascade;`);
  }
}
