import { Migration } from '@mikro-orm/migrations';

const SEARCH_INDEXES = ['company', 'contact', 'mission', 'deal'].flatMap((table) => [
  `${table}_search_doc_trgm`,
  `${table}_search_vector`,
]);

const TRIGRAM_OPERATORS = ['word_similarity_op', 'word_similarity_commutator_op', 'similarity_op'];

/**
 * Search speed (see docs/search.md, "Indexes"), measured at 10×S:
 * - The search GIN indexes write entries at once (fastupdate off). With the default pending
 *   list, rows written since the last vacuum (an import, a bulk load) sit in an unordered list
 *   that every search reads in full, and the planner then prefers a sequential scan: 400 ms
 *   instead of 15 ms until autovacuum runs.
 * - pg_trgm's similarity operators are declared as cheap as an equality (cost 1); they cost about
 *   as much as a hundred. Declared so, the planner takes the trigram index for `q <% search_doc`
 *   instead of computing the similarity on every row of the agency. Changing an extension's
 *   function needs the extension's owner: where the migrations run as another role, this part
 *   is skipped with a notice (searches still work, slower on large agencies).
 */
export class Migration20261203100428 extends Migration {
  override name = 'Migration20261203100428';

  override up(): void | Promise<void> {
    for (const index of SEARCH_INDEXES) {
      this.addSql(`alter index "${index}" set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('"${index}"'::regclass);`);
    }
    this.addSql(`do $body$ begin
  ${TRIGRAM_OPERATORS.map((fn) => `alter function ${fn}(text, text) cost 100;`).join('\n  ')}
exception when insufficient_privilege or undefined_function then
  raise notice 'search: pg_trgm operator costs left as they are (%)', sqlerrm;
end $body$;`);
  }

  override down(): void | Promise<void> {
    for (const index of SEARCH_INDEXES) this.addSql(`alter index "${index}" reset (fastupdate);`);
    this.addSql(`do $body$ begin
  ${TRIGRAM_OPERATORS.map((fn) => `alter function ${fn}(text, text) cost 1;`).join('\n  ')}
exception when insufficient_privilege or undefined_function then
  null;
end $body$;`);
  }
}
