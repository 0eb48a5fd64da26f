import { CreateSchema1764300000000 } from './1764300000000-CreateSchema';
import { AddBookingEvents1764400000000 } from './1764400000000-AddBookingEvents';

/** Listed explicitly (not globbed) so the bundled API and the tests run the very same migrations. */
export const MIGRATIONS = [CreateSchema1764300000000, AddBookingEvents1764400000000];
