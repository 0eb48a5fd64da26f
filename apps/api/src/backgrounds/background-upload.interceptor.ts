import { BACKGROUND_MAX_BYTES } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import { SingleFileUpload } from '../common/single-file-upload';

/** Field name of the multipart upload (the client's `EditingApi.uploadBackground` sends it). */
export const BACKGROUND_FIELD = 'file';

export const BackgroundUploadInterceptor = SingleFileUpload({
  field: BACKGROUND_FIELD,
  maxBytes: BACKGROUND_MAX_BYTES,
  tooLarge: () => new DomainError('BACKGROUND_TOO_LARGE', { maxMegabytes: BACKGROUND_MAX_BYTES / (1024 * 1024) }),
  missing: (message) => new DomainError('BACKGROUND_MISSING', {}, { errors: [{ path: BACKGROUND_FIELD, message }] }),
});
