import { Injectable } from '@nestjs/common';
import type { ReceptionAssignment, SetReceptionAssignmentRequest } from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { invalid } from '../common/validation';
import { ReceptionAssignmentsRepository } from './reception-assignments.repository';

/** Admins decide which buildings' names each receptionist sees. */
@Injectable()
export class ReceptionAssignmentsService {
  constructor(private readonly repository: ReceptionAssignmentsRepository) {}

  list(): Promise<ReceptionAssignment[]> {
    return this.repository.list();
  }

  async set(user: AuthUser, userId: string, req: SetReceptionAssignmentRequest): Promise<ReceptionAssignment> {
    if (!(await this.repository.find(userId))) throw new DomainError('USER_NOT_FOUND');
    const unknown = new Set(await this.repository.unknownBuildings(req.buildingIds));
    if (unknown.size) {
      throw invalid(
        req.buildingIds.flatMap((id, i) =>
          unknown.has(id) ? [{ path: `buildingIds[${i}]`, message: 'no such building' }] : [],
        ),
      );
    }
    await this.repository.set(user.id, userId, req.allBuildings, req.buildingIds);
    const updated = await this.repository.find(userId);
    if (!updated) throw new DomainError('USER_NOT_FOUND');
    return updated;
  }
}
