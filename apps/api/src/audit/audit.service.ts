import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditFilter } from '@flexdesk/shared-contracts';
import { isValidDate } from '@flexdesk/shared-domain';
import { invalid } from '../common/validation';
import { AuditRepository } from './audit.repository';

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  list(filter: AuditFilter): Promise<AuditEntry[]> {
    // The DTO checks the shape; only real calendar dates may reach the database's date cast.
    const errors = (['from', 'to'] as const).flatMap((k) =>
      filter[k] && !isValidDate(filter[k]) ? [{ path: k, message: `${k} is not a calendar date` }] : [],
    );
    if (!errors.length && filter.from && filter.to && filter.to < filter.from) {
      errors.push({ path: 'to', message: 'to must not be before from' });
    }
    if (errors.length) throw invalid(errors);
    return this.audit.list({ ...filter, limit: filter.limit ?? 100 });
  }
}
