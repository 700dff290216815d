import { Migration } from '@mikro-orm/migrations';

/** The tables whose live rows are counted: the column of live_count, and what a live row is. */
const COUNTED = [
  { table: 'company', column: 'companies', live: 'merged_into_id is null' },
  { table: 'contact', column: 'contacts', live: 'merged_into_id is null' },
  { table: 'deal', column: 'deals', live: 'true' },
];

/**
 * Live counts per agency (shared/live-count.entity.ts): every list page asked for its total, and
 * PostgreSQL counted 100,000 companies or 200,000 deals for it on every request (4 and 15 ms at
 * issue 14's size). Statement-level triggers add each statement's change to the agency's row of
 * the writer's slot, from its transition tables (one row per agency and statement, even for a
 * COPY of 100,000 rows; an edit that changes no liveness writes nothing). `enable always`: they
 * run too where a session skips ordinary triggers (`session_replication_role = replica`, as the
 * bench's generator does), so no load can leave the counts wrong. Existing rows are counted once.
 */
export class Migration20261205001909 extends Migration {
  override name = 'Migration20261205001909';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "live_count" ("agency_id" uuid not null, "slot" smallint not null, "companies" int not null default 0, "contacts" int not null default 0, "deals" int not null default 0, primary key ("agency_id", "slot"));`,
    );
    this.addSql(
      `alter table "live_count" add constraint "live_count_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`,
    );
    for (const { table, column, live } of COUNTED) {
      const delta = (rows: string, sign: string) => `select agency_id, ${sign}1 as n from ${rows} where ${live}`;
      const add = (deltas: string) => `
    insert into live_count as l (agency_id, slot, ${column})
    select agency_id, pg_backend_pid() % 16, sum(n) from (${deltas}) d group by agency_id having sum(n) <> 0
    on conflict (agency_id, slot) do update set ${column} = l.${column} + excluded.${column};`;
      this.addSql(`create function crm_live_count_${table}() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then${add(delta('new_rows', '+'))}
  elsif tg_op = 'DELETE' then${add(delta('old_rows', '-'))}
  else${add(`${delta('new_rows', '+')} union all ${delta('old_rows', '-')}`)}
  end if;
  return null;
end $$;`);
      for (const [event, referencing] of [
        ['insert', 'new table as new_rows'],
        ['delete', 'old table as old_rows'],
        ['update', 'old table as old_rows new table as new_rows'],
      ]) {
        const trigger = `${table}_live_count_${event}`;
        this.addSql(
          `create trigger ${trigger} after ${event} on "${table}" referencing ${referencing} for each statement execute function crm_live_count_${table}();`,
        );
        this.addSql(`alter table "${table}" enable always trigger ${trigger};`);
      }
      this.addSql(`insert into live_count as l (agency_id, slot, ${column})
select agency_id, 0, count(*) from "${table}" where ${live} group by agency_id
on conflict (agency_id, slot) do update set ${column} = excluded.${column};`);
    }
  }

  override down(): void | Promise<void> {
    for (const { table } of COUNTED) {
      for (const event of ['insert', 'delete', 'update'])
        this.addSql(`drop trigger ${table}_live_count_${event} on "${table}";`);
      this.addSql(`drop function crm_live_count_${table}();`);
    }
    this.addSql(`drop table if exists "live_count" cascade;`);
  }
}
