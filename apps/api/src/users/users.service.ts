import { Injectable } from '@nestjs/common';
import {
  PERSON_SEARCH_MAX_RESULTS,
  PERSON_SEARCH_MIN_LENGTH,
  type Me,
  type PersonSearchResult,
  type UpdateMeRequest,
} from '@flexdesk/shared-contracts';
import { holdsSomewhere, namesVisibleIn } from '../access/access-policy';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { validationError } from '../common/validation';
import { type UserRow, UsersRepository } from './users.repository';

export function toMe(u: Omit<UserRow, 'active'>): Me {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    locale: u.locale,
    showNameToColleagues: u.showNameToColleagues,
    groupIds: u.groupIds,
    defaultFloorId: u.defaultFloorId,
    homeBuildingId: u.homeBuildingId,
    suggestedHomeBuildingId: u.suggestedHomeBuildingId,
    receptionBuildingIds: namesVisibleIn(u),
  };
}

/** People: one's own settings, and finding colleagues to book for at the front desk. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async me(user: AuthUser): Promise<Me> {
    const row = await this.users.findById(user.id);
    if (!row) throw new DomainError('USER_NOT_FOUND');
    return toMe(row);
  }

  async updateMe(user: AuthUser, patch: UpdateMeRequest): Promise<Me> {
    if (!(await this.users.updateSettings(user.id, patch))) {
      throw new DomainError(patch.homeBuildingId ? 'BUILDING_NOT_FOUND' : 'FLOOR_NOT_FOUND');
    }
    return this.me(user);
  }

  /**
   * For receptionists who work at least one building's front desk (elsewhere they could not book
   * for anyone, so they need no directory of colleagues), and admins.
   */
  async search(user: AuthUser, query: string): Promise<PersonSearchResult[]> {
    if (!holdsSomewhere(user, 'people:search')) throw new DomainError('FORBIDDEN');
    const text = query.trim();
    if (text.length < PERSON_SEARCH_MIN_LENGTH) {
      throw validationError('query', `query must be at least ${PERSON_SEARCH_MIN_LENGTH} characters`);
    }
    return this.users.searchActive(text, PERSON_SEARCH_MAX_RESULTS);
  }
}
