import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BACKGROUND_MAX_BYTES, type BackgroundContentType, type BackgroundUpload } from '@flexdesk/shared-contracts';
import { can } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { inspectBackground } from './background-image';
import { backgroundUrl } from './background-url';
import { BackgroundsRepository } from './backgrounds.repository';
import { SvgSanitiser } from './svg-sanitiser';

/** The part of multer's file object we use (memory storage). */
export interface UploadedImage {
  buffer: Buffer;
  size: number;
}

export type BackgroundResponse =
  | { notModified: true; etag: string }
  | { notModified: false; etag: string; contentType: BackgroundContentType; bytes: Buffer };

/** Strong validator: the content's hash, so equal bytes give equal tags on every instance. */
const etagOf = (sha256: string) => `"${sha256}"`;

/** If-None-Match compares weakly (RFC 9110 13.1.2): `W/` prefixes do not matter, `*` matches anything. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

@Injectable()
export class BackgroundsService {
  constructor(
    private readonly backgrounds: BackgroundsRepository,
    private readonly svg: SvgSanitiser,
  ) {}

  /**
   * Stores an uploaded image for a floor, after checking by its content what it is; an SVG is stored
   * sanitised. Employees see it only once a published layout names it.
   */
  async upload(user: AuthUser, floorId: string, file: UploadedImage | undefined): Promise<BackgroundUpload> {
    if (!file || file.size === 0) {
      throw new DomainError(
        'BACKGROUND_MISSING',
        {},
        { errors: [{ path: 'file', message: 'no file, or an empty one' }] },
      );
    }
    if (file.size > BACKGROUND_MAX_BYTES) throw tooLarge();
    // Reading and sanitising takes a while; ask early, so nobody waits for a refusal.
    if (!(await this.backgrounds.floorExists(floorId))) throw new DomainError('FLOOR_NOT_FOUND');

    const inspection = await inspectBackground(file.buffer, this.svg);
    if (!inspection.ok) {
      const code = inspection.reason === 'unsupported' ? 'BACKGROUND_UNSUPPORTED_TYPE' : 'BACKGROUND_INVALID';
      throw new DomainError(code, {}, { errors: [{ path: 'file', message: inspection.message }] });
    }
    // Sanitising can grow an SVG a little (e.g. the XML declaration); the limit holds for what is stored too.
    if (inspection.bytes.length > BACKGROUND_MAX_BYTES) throw tooLarge();

    const { contentType, width, height, bytes } = inspection;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The floor may have been deleted meanwhile: the insert checks again, in its own transaction.
    const id = await this.backgrounds.insert({
      floorId,
      contentType,
      bytes,
      sha256,
      width,
      height,
      createdBy: user.id,
    });
    if (!id) throw new DomainError('FLOOR_NOT_FOUND');
    return { backgroundUrl: backgroundUrl(id), contentType, width, height, bytes: bytes.length };
  }

  /**
   * Layout editors may load any background; everybody else only those some floor shows. Others
   * look like unknown ids.
   */
  async fetch(user: AuthUser, id: string, ifNoneMatch: string | undefined): Promise<BackgroundResponse> {
    const meta = await this.backgrounds.findMeta(id);
    // Drafts show unpublished images, so whoever edits layouts may load them.
    if (!meta || (!meta.published && !can(user, 'layout:edit'))) throw new DomainError('BACKGROUND_NOT_FOUND');
    const etag = etagOf(meta.sha256);
    if (matchesIfNoneMatch(ifNoneMatch, etag)) return { notModified: true, etag };
    const bytes = await this.backgrounds.bytes(id);
    if (!bytes) throw new DomainError('BACKGROUND_NOT_FOUND');
    return { notModified: false, etag, contentType: meta.contentType, bytes };
  }
}

function tooLarge(): DomainError {
  return new DomainError('BACKGROUND_TOO_LARGE', { maxMegabytes: BACKGROUND_MAX_BYTES / (1024 * 1024) });
}
