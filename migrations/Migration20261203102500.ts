import { Migration } from '@mikro-orm/migrations';

/**
 * Duplicate candidates (see docs/merge.md, "Finding candidates"): the folded name of companies and
 * contacts, stored once when the row is written. Folding costs about 10 µs a name; comparing
 * 10,000 companies folded them all on every request.
 */
export class Migration20261203102500 extends Migration {
  override name = 'Migration20261203102500';

  override up(): void | Promise<void> {
    this.addSql(`alter table "company" add "fold_name" text generated always as (crm_fold("name")) stored;`);
    this.addSql(`alter table "contact" add "fold_name" text generated always as (crm_fold("full_name")) stored;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "company" drop column "fold_name";`);
    this.addSql(`alter table "contact" drop column "fold_name";`);
  }
}
