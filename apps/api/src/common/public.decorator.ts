import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'flexdesk:isPublic';

/** Opts a route out of the global authentication guard. Every use is listed in the route test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
