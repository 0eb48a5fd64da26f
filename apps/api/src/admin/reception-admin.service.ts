import { Injectable } from '@nestjs/common';
import type { ReceptionAssignment, SetReceptionAssignmentRequest } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { ReceptionAdminRepository } from './reception-admin.repository';

/** Admins decide which buildings' names each receptionist sees. */
@Injectable()
export class ReceptionAdminService {
  constructor(private readonly repository: ReceptionAdminRepository) {}

  list(user: AuthUser): Promise<ReceptionAssignment[]> {
    this.requireAdmin(user);
    return this.repository.list();
  }

  async set(user: AuthUser, userId: string, req: SetReceptionAssignmentRequest): Promise<ReceptionAssignment> {
    this.requireAdmin(user);
    if (!(await this.repository.find(userId))) throw new DomainError('USER_NOT_FOUND');
    const unknown = new Set(await this.repository.unknownBuildings(req.buildingIds));
    if (unknown.size) {
      throw new DomainError(
        'VALIDATION_FAILED',
        {},
        {
          errors: req.buildingIds
            .map((id, i) => ({ id, i }))
            .filter(({ id }) => unknown.has(id))
            .map(({ i }) => ({ path: `buildingIds[${i}]`, message: 'no such building' })),
        },
      );
    }
    await this.repository.set(userId, req.allBuildings, req.buildingIds, user.id);
    const updated = await this.repository.find(userId);
    if (!updated) throw new DomainError('USER_NOT_FOUND');
    return updated;
  }

  private requireAdmin(user: AuthUser): void {
    if (!user.roles.includes('admin')) throw new DomainError('FORBIDDEN');
  }
}
