import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15: the sign-in throttle and the API tokens' cost budget move from each process's memory
 * to PostgreSQL, so that every server process counts the same failures and grants one budget
 * (modules/auth/login-throttle.ts, graphql/cost-budget.ts). Unlogged: short-lived counters that
 * need no WAL, no replica and no backup (a crash empties them: the counts start again). Times are
 * milliseconds since the epoch, from the server's clock. Not entities: the schema generator
 * leaves them alone (db/orm-config.ts, `skipTables`).
 */
export class Migration20261205013000 extends Migration {
  override name = 'Migration20261205013000';

  override up(): void | Promise<void> {
    this.addSql(`create unlogged table sign_in_attempt (
      id bigint generated always as identity primary key,
      account text not null,
      address text not null,
      at bigint not null);`);
    this.addSql('create index sign_in_attempt_account_at_index on sign_in_attempt (account, at);');
    this.addSql('create index sign_in_attempt_address_at_index on sign_in_attempt (address, at);');
    this.addSql('create index sign_in_attempt_at_index on sign_in_attempt (at);');
    this.addSql(`create unlogged table sign_in_known_address (
      account text not null,
      address text not null,
      at bigint not null,
      primary key (account, address));`);
    this.addSql(`create unlogged table cost_bucket (
      key text primary key,
      level float8 not null,
      at bigint not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table cost_bucket;');
    this.addSql('drop table sign_in_known_address;');
    this.addSql('drop table sign_in_attempt;');
  }
}
