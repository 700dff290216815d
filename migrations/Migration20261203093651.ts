import { Migration } from '@mikro-orm/migrations';

export class Migration20261203093651 extends Migration {
  override name = 'Migration20261203093651';

  override up(): void | Promise<void> {
    // Search (see server/src/modules/search): accents, case and script folded by crm_fold (Cyrillic
    // transliterated, common Latin spellings of it folded alike), stored beside each record's fields.
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create or replace function crm_unaccent(value text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, value) $$;`);
    this.addSql(`create or replace function crm_fold(value text) returns text
  language sql immutable parallel safe strict
  as $$
  select btrim(regexp_replace(regexp_replace(
    replace(replace(replace(replace(replace(replace(replace(
      lower(crm_unaccent(translate(
        replace(replace(replace(replace(replace(replace(replace(replace(replace(
          translate(value, 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'),
          'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'), 'ю', 'yu'), 'я', 'ya'), 'ё', 'e'),
        'абвгдезийклмнопрстуфыэъь', 'abvgdeziyklmnoprstufye'))),
      'tch', 'ch'), 'kh', 'h'), 'ou', 'u'), 'x', 'ks'), 'w', 'v'), 'tz', 'ts'), 'y', 'i'),
    '([a-z])\\1+', '\\1', 'g'),
    '[^[:alnum:]]+', ' ', 'g'));
  $$;`);
    this.addSql(`create or replace function crm_company_search_doc(name text, city text, brands text[], website text) returns text
  language sql immutable parallel safe
  as $$ select crm_fold(concat_ws(' ', name, city, array_to_string(brands, ' '),
    regexp_replace(website, '^([a-z]+://)?(www[.])?([^/:?#]+).*$', '\\3', 'i'))) $$;`);
    this.addSql(`create or replace function crm_contact_search_doc(full_name text, email text, phone text) returns text
  language sql immutable parallel safe
  as $$ select concat_ws(' ', crm_fold(concat_ws(' ', full_name, email)), nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '')) $$;`);
    this.addSql(`create or replace function crm_mission_search_doc(name text, city text) returns text
  language sql immutable parallel safe
  as $$ select crm_fold(concat_ws(' ', name, city)) $$;`);
    this.addSql(
      `alter table "company" add "search_doc" text generated always as (crm_company_search_doc("name", "city", "brands", "website")) stored, add "search_vector" tsvector generated always as (to_tsvector('simple'::regconfig, crm_company_search_doc("name", "city", "brands", "website"))) stored;`,
    );
    this.addSql(
      `alter table "contact" add "search_doc" text generated always as (crm_contact_search_doc("full_name", "email", "phone")) stored, add "search_vector" tsvector generated always as (to_tsvector('simple'::regconfig, crm_contact_search_doc("full_name", "email", "phone"))) stored;`,
    );
    this.addSql(
      `alter table "mission" add "search_doc" text generated always as (crm_mission_search_doc("name", "city")) stored, add "search_vector" tsvector generated always as (to_tsvector('simple'::regconfig, crm_mission_search_doc("name", "city"))) stored;`,
    );
    this.addSql(
      `alter table "deal" add "search_doc" text generated always as (crm_fold("title")) stored, add "search_vector" tsvector generated always as (to_tsvector('simple'::regconfig, crm_fold("title"))) stored;`,
    );

    this.addSql(
      `create table "import_mapping" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "kind" text not null, "columns" jsonb not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "import_mapping" add constraint "import_mapping_agency_kind_unique" unique ("agency_id", "kind");`,
    );

    this.addSql(
      `create table "import_batch" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "agency_id" uuid not null, "kind" text not null, "mission_id" uuid null, "file_name" varchar(300) not null, "file_size" int not null, "sha256" char(64) not null, "created_by_id" uuid null, "counts" jsonb not null, "details" jsonb not null, "status" text not null default 'APPLIED', "undone_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "import_batch_created_by_id_index" on "import_batch" ("created_by_id");`);
    this.addSql(`create index "import_batch_mission_id_index" on "import_batch" ("mission_id");`);
    this.addSql(
      `create index "import_batch_agency_id_created_at_id_index" on "import_batch" ("agency_id", "created_at", "id");`,
    );

    this.addSql(`create index "mission_search_vector" on "mission" using gin ("search_vector");`);
    this.addSql(`create index "mission_search_doc_trgm" on "mission" using gin ("search_doc" gin_trgm_ops);`);

    this.addSql(
      `alter table "company" add "merged_into_id" uuid null, add "merged_at" timestamptz null, add "import_batch_id" uuid null;`,
    );
    this.addSql(
      `alter table "company" add constraint "company_merged_into_id_foreign" foreign key ("merged_into_id") references "company" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "company" add constraint "company_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on delete set null;`,
    );
    this.addSql(`create index "company_search_vector" on "company" using gin ("search_vector");`);
    this.addSql(`create index "company_search_doc_trgm" on "company" using gin ("search_doc" gin_trgm_ops);`);
    this.addSql(`create index "company_import_batch_id_index" on "company" ("import_batch_id");`);
    this.addSql(`create index "company_merged_into_id_index" on "company" ("merged_into_id");`);

    this.addSql(`alter table "mission_participant" add "import_batch_id" uuid null;`);
    this.addSql(
      `alter table "mission_participant" add constraint "mission_participant_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on delete set null;`,
    );
    this.addSql(
      `create index "mission_participant_import_batch_id_index" on "mission_participant" ("import_batch_id");`,
    );

    this.addSql(`create index "deal_search_vector" on "deal" using gin ("search_vector");`);
    this.addSql(`create index "deal_search_doc_trgm" on "deal" using gin ("search_doc" gin_trgm_ops);`);

    this.addSql(
      `alter table "contact" add "merged_into_id" uuid null, add "merged_at" timestamptz null, add "import_batch_id" uuid null;`,
    );
    this.addSql(
      `alter table "contact" add constraint "contact_merged_into_id_foreign" foreign key ("merged_into_id") references "contact" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "contact" add constraint "contact_import_batch_id_foreign" foreign key ("import_batch_id") references "import_batch" ("id") on delete set null;`,
    );
    this.addSql(`create index "contact_search_vector" on "contact" using gin ("search_vector");`);
    this.addSql(`create index "contact_search_doc_trgm" on "contact" using gin ("search_doc" gin_trgm_ops);`);
    this.addSql(`create index "contact_import_batch_id_index" on "contact" ("import_batch_id");`);
    this.addSql(`create index "contact_merged_into_id_index" on "contact" ("merged_into_id");`);
    this.addSql(`create index "contact_company_id_index" on "contact" ("company_id");`);

    this.addSql(
      `alter table "import_mapping" add constraint "import_mapping_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "import_mapping" add constraint "import_mapping_kind_check" check ("kind" in ('COMPANIES', 'CONTACTS', 'DELEGATION'));`,
    );

    this.addSql(
      `alter table "import_batch" add constraint "import_batch_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "import_batch" add constraint "import_batch_mission_id_foreign" foreign key ("mission_id") references "mission" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "import_batch" add constraint "import_batch_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "import_batch" add constraint "import_batch_kind_check" check ("kind" in ('COMPANIES', 'CONTACTS', 'DELEGATION'));`,
    );
    this.addSql(
      `alter table "import_batch" add constraint "import_batch_status_check" check ("status" in ('APPLIED', 'UNDONE'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "company" drop constraint "company_import_batch_id_foreign";`);
    this.addSql(`alter table "mission_participant" drop constraint "mission_participant_import_batch_id_foreign";`);
    this.addSql(`alter table "contact" drop constraint "contact_import_batch_id_foreign";`);

    this.addSql(`drop table if exists "import_mapping" cascade;`);
    this.addSql(`drop table if exists "import_batch" cascade;`);

    this.addSql(`alter table "company" drop constraint "company_merged_into_id_foreign";`);

    this.addSql(`alter table "contact" drop constraint "contact_merged_into_id_foreign";`);

    this.addSql(`drop index "company_search_vector";`);
    this.addSql(`drop index "company_search_doc_trgm";`);
    this.addSql(`drop index "company_import_batch_id_index";`);
    this.addSql(`drop index "company_merged_into_id_index";`);
    this.addSql(
      `alter table "company" drop column "merged_into_id", drop column "merged_at", drop column "import_batch_id";`,
    );

    this.addSql(`drop index "contact_search_vector";`);
    this.addSql(`drop index "contact_search_doc_trgm";`);
    this.addSql(`drop index "contact_import_batch_id_index";`);
    this.addSql(`drop index "contact_merged_into_id_index";`);
    this.addSql(`drop index "contact_company_id_index";`);
    this.addSql(
      `alter table "contact" drop column "merged_into_id", drop column "merged_at", drop column "import_batch_id";`,
    );

    this.addSql(`drop index "deal_search_vector";`);
    this.addSql(`drop index "deal_search_doc_trgm";`);

    this.addSql(`drop index "mission_search_vector";`);
    this.addSql(`drop index "mission_search_doc_trgm";`);

    this.addSql(`drop index "mission_participant_import_batch_id_index";`);
    this.addSql(`alter table "mission_participant" drop column "import_batch_id";`);

    this.addSql(`alter table "company" drop column "search_doc", drop column "search_vector";`);
    this.addSql(`alter table "contact" drop column "search_doc", drop column "search_vector";`);
    this.addSql(`alter table "mission" drop column "search_doc", drop column "search_vector";`);
    this.addSql(`alter table "deal" drop column "search_doc", drop column "search_vector";`);
    this.addSql(`drop function crm_company_search_doc(text, text, text[], text);`);
    this.addSql(`drop function crm_contact_search_doc(text, text, text);`);
    this.addSql(`drop function crm_mission_search_doc(text, text);`);
    this.addSql(`drop function crm_fold(text);`);
    this.addSql(`drop function crm_unaccent(text);`);
  }
}
