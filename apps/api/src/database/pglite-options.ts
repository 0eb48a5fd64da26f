import { setFlagsFromString } from 'node:v8';
import { type Extension, PGlite } from '@electric-sql/pglite';

// The contrib entry is not resolvable by TypeScript under node10 module resolution; its shape is tiny.
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as { btree_gist: Extension };
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
/** What the schema needs: the exclusion constraint (btree_gist) and the person search index (pg_trgm). */
export const EMBEDDED_EXTENSIONS = { btree_gist, pg_trgm };

/**
 * PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, which never
 * shrinks: with them an idle embedded server held ~420-520 MiB RSS. 16 MB still caches the working
 * set of a large demo (a 139-space organisation's floors and a fortnight of bookings are < 5 MB) and
 * brings the idle server under 250 MiB (`npm run bench:memory`). One backend, so no parallel workers.
 */
export const EMBEDDED_START_PARAMS = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=8MB',
  '-c',
  'work_mem=2MB',
];


/**
 * V8 compiles WebAssembly twice by default: quickly (Liftoff) to start, then optimised (TurboFan)
 * for the hot functions, and keeps both. Compiling PGlite's 9 MB module with TurboFan only costs
 * ~1.7 s more at start and ~35 MiB less resident memory for the life of the process (measured with
 * shared_buffers=16MB: 184 -> 148 MiB for a process holding only PGlite). Must run before the first
 * PGlite instance compiles its module; PGlite is the only WebAssembly in the API.
 */
export function preferSmallWasmCode(): void {
  setFlagsFromString('--no-liftoff');
}
