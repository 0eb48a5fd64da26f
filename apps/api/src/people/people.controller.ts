import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  API_ROUTES,
  type CreatedPerson,
  type DeactivationResult,
  type PasswordLink,
  type PeopleImportResult,
  type PeoplePage,
  type PersonAdminView,
} from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { DownloadQuery } from '../common/date-query.dto';
import { DomainError } from '../common/domain-error';
import { uuidParam } from '../common/params';
import { type AuthUser, downloadLocale } from '../common/request-context';
import { Returns, ReturnsText } from '../openapi/returns.decorator';
import { CSV_FIELD, CsvUploadInterceptor } from './csv-upload.interceptor';
import { CreatePersonDto, ImportQuery, PeopleQueryDto, UpdatePersonDto } from './people.dto';
import { PeopleService } from './people.service';

const personId = uuidParam('USER_NOT_FOUND');

/** People administration (admins). Every change is audited. */
@ApiTags('people')
@Controller(API_ROUTES.adminPeople)
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @RequirePermission('people:admin')
  @Header('Cache-Control', 'no-store')
  @Returns('PeoplePage')
  list(@Query() query: PeopleQueryDto): Promise<PeoplePage> {
    return this.people.list(query);
  }

  /** Everyone as CSV, in the columns the import reads. */
  @Get('export.csv')
  @RequirePermission('people:admin')
  @Header('Cache-Control', 'no-store')
  @ReturnsText('text/csv')
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: DownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = await this.people.exportCsv(downloadLocale(user, query.lang));
    res.type('text/csv; charset=utf-8').attachment('flexdesk-people.csv');
    return csv;
  }

  /**
   * `email;name;groups;roles` as a file (multipart field `file`, up to 10 MB). `dryRun=true` (the
   * default) only reports each row's outcome; `dryRun=false` writes the valid rows at once.
   */
  @Post('import')
  @HttpCode(200)
  @RequirePermission('people:admin')
  @UseInterceptors(CsvUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { [CSV_FIELD]: { type: 'string', format: 'binary' } } } })
  @Returns('PeopleImportResult')
  import(
    @CurrentUser() user: AuthUser,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<PeopleImportResult> {
    if (!file) throw new DomainError('IMPORT_UNREADABLE');
    return this.people.import(user, file.buffer.toString('utf8'), query.dryRun !== 'false');
  }

  /** Creates a local account; the answer holds the one-time invitation link to pass on. */
  @Post()
  @RequirePermission('people:admin')
  @Returns('CreatedPerson')
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePersonDto): Promise<CreatedPerson> {
    return this.people.create(user, body);
  }

  @Get(':id')
  @RequirePermission('people:admin')
  @Header('Cache-Control', 'no-store')
  @Returns('PersonAdminView')
  get(@Param('id', personId) id: string): Promise<PersonAdminView> {
    return this.people.get(id);
  }

  @Patch(':id')
  @RequirePermission('people:admin')
  @Returns('PersonAdminView')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', personId) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonAdminView> {
    return this.people.update(user, id, body);
  }

  /** A new one-time set-password link (earlier ones stop working). */
  @Post(':id/password-reset')
  @HttpCode(200)
  @RequirePermission('people:admin')
  @Returns('PasswordLink')
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', personId) id: string): Promise<PasswordLink> {
    return this.people.resetPassword(user, id);
  }

  /** Offboarding: sessions end, the calendar feed stops, future bookings are cancelled. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('people:admin')
  @Returns('DeactivationResult')
  deactivate(@CurrentUser() user: AuthUser, @Param('id', personId) id: string): Promise<DeactivationResult> {
    return this.people.deactivate(user, id);
  }

  /** Sign-in works again; bookings cancelled at deactivation stay cancelled. */
  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('people:admin')
  @Returns('PersonAdminView')
  reactivate(@CurrentUser() user: AuthUser, @Param('id', personId) id: string): Promise<PersonAdminView> {
    return this.people.reactivate(user, id);
  }
}
