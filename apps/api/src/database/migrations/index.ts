import { CreateSchema1764300000000 } from './1764300000000-CreateSchema';

/** Listed explicitly (not globbed) so the bundled API and the tests run the very same migrations. */
export const MIGRATIONS = [CreateSchema1764300000000];
