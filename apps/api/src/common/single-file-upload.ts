import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  mixin,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { DomainError } from './domain-error';

export interface SingleFileOptions {
  /** Name of the multipart field. */
  field: string;
  maxBytes: number;
  tooLarge: () => DomainError;
  /** No file, another field, a second file or a broken multipart body. */
  missing: (message: string) => DomainError;
}

/**
 * Nest's FileInterceptor for exactly one file, with our vocabulary: multer's and busboy's errors
 * become problem+json codes instead of a bare 400/413 (or a 500). Memory storage: the bytes never
 * touch a local disk. Interceptors run after the guards, so nobody without the route's permission
 * can make the server buffer megabytes.
 */
export function SingleFileUpload(options: SingleFileOptions): Type<NestInterceptor> {
  // One byte over the limit, so that an oversize file is told apart from one exactly at it.
  const Multipart = FileInterceptor(options.field, {
    limits: { fileSize: options.maxBytes + 1, files: 1, fields: 0, parts: 1 },
  });

  @Injectable()
  class SingleFileInterceptor implements NestInterceptor {
    private readonly multipart: NestInterceptor = new Multipart();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multipart.intercept(context, next);
      } catch (e) {
        throw uploadError(e, options);
      }
    }
  }
  return mixin(SingleFileInterceptor);
}

export function uploadError(e: unknown, options: Pick<SingleFileOptions, 'tooLarge' | 'missing'>): DomainError {
  if (e instanceof DomainError) return e;
  const status = e instanceof HttpException ? e.getStatus() : (e as { status?: unknown })?.status;
  if (status === 413) return options.tooLarge();
  return options.missing(e instanceof Error ? e.message : 'malformed multipart body');
}
