import { DomainError } from '../common/domain-error';
import { SingleFileUpload } from '../common/single-file-upload';

export const CSV_FIELD = 'file';
/** 40,000 people at ~100 bytes a line fit about 2.5 times. */
export const CSV_MAX_BYTES = 10 * 1024 * 1024;

export const CsvUploadInterceptor = SingleFileUpload({
  field: CSV_FIELD,
  maxBytes: CSV_MAX_BYTES,
  tooLarge: () => new DomainError('PAYLOAD_TOO_LARGE'),
  missing: (message) => new DomainError('IMPORT_UNREADABLE', {}, { errors: [{ path: CSV_FIELD, message }] }),
});
