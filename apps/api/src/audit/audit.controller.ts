import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { API_ROUTES, type AuditEntry } from '@flexdesk/shared-contracts';
import { RequirePermission } from '../access/permission.decorator';
import { Returns } from '../openapi/returns.decorator';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller(API_ROUTES.audit)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  @Header('Cache-Control', 'no-store')
  @Returns('AuditEntry', { array: true })
  list(@Query() query: AuditQuery): Promise<AuditEntry[]> {
    return this.audit.list(query);
  }
}
