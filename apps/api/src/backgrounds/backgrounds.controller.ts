import { Controller, Get, Headers, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_ROUTES, type BackgroundUpload } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { uuidParam } from '../common/params';
import type { AuthUser } from '../common/request-context';
import { Returns, ReturnsBinary } from '../openapi/returns.decorator';
import { BACKGROUND_FIELD, BackgroundUploadInterceptor } from './background-upload.interceptor';
import { BackgroundsService, type UploadedImage } from './backgrounds.service';

/**
 * An SVG opened directly (not as an <img>) is a document: it may load and run nothing, even if the
 * sanitiser missed something. Inline styles are SVG's own presentation; embedded bitmaps are data: URLs.
 */
const IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

@ApiTags('backgrounds')
@Controller()
export class BackgroundsController {
  constructor(private readonly backgrounds: BackgroundsService) {}

  @Post(`${API_ROUTES.floors}/:id/${API_ROUTES.backgrounds}`)
  @RequirePermission('layout:edit')
  @Returns('BackgroundUpload')
  @UseInterceptors(BackgroundUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { [BACKGROUND_FIELD]: { type: 'string', format: 'binary' } } } })
  upload(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('FLOOR_NOT_FOUND')) floorId: string,
    @UploadedFile() file: UploadedImage | undefined,
  ): Promise<BackgroundUpload> {
    return this.backgrounds.upload(user, floorId, file);
  }

  @Get(`${API_ROUTES.backgrounds}/:id`)
  @RequirePermission('buildings:read')
  @ReturnsBinary('image/*')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('BACKGROUND_NOT_FOUND')) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const image = await this.backgrounds.fetch(user, id, ifNoneMatch);
    res.setHeader('ETag', image.etag);
    // Private: only signed-in people may load it. Immutable: an id never gets other bytes.
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.setHeader('Content-Security-Policy', IMAGE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (image.notModified) {
      res.status(304).end();
      return;
    }
    res.status(200).type(image.contentType).send(image.bytes);
  }
}
