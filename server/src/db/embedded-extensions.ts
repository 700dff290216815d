import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** The contrib modules search needs (the migrations create them; a real server ships them too). */
export const extensions = { unaccent, pg_trgm };
