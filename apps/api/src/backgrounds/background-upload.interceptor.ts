import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { BACKGROUND_MAX_BYTES } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';

/** Field name of the multipart upload (the client's `EditingApi.uploadBackground` sends it). */
export const BACKGROUND_FIELD = 'file';

// Memory storage (multer's default): the bytes go to the database, never to a local disk.
// One byte over the limit, so that an oversize file is told apart from one exactly at it.
const Multipart = FileInterceptor(BACKGROUND_FIELD, {
  limits: { fileSize: BACKGROUND_MAX_BYTES + 1, files: 1, fields: 0, parts: 1 },
});

/**
 * Nest's FileInterceptor with our vocabulary: multer's and busboy's errors become problem+json
 * with a BACKGROUND_* code instead of a bare 400/413 (or a 500). Interceptors run after the guards,
 * so nobody without the permission can make the server buffer megabytes.
 */
@Injectable()
export class BackgroundUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor = new Multipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (e) {
      throw uploadError(e);
    }
  }
}

export function uploadError(e: unknown): unknown {
  if (e instanceof DomainError) return e;
  const status = e instanceof HttpException ? e.getStatus() : (e as { status?: unknown })?.status;
  if (status === 413) {
    return new DomainError('BACKGROUND_TOO_LARGE', { maxMegabytes: BACKGROUND_MAX_BYTES / (1024 * 1024) });
  }
  // Another field, a second file, a broken multipart body: the one file we expect is not there.
  const message = e instanceof Error ? e.message : 'malformed multipart body';
  return new DomainError('BACKGROUND_MISSING', {}, { errors: [{ path: BACKGROUND_FIELD, message }] });
}
