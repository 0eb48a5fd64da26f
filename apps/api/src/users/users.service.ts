import { Injectable } from '@nestjs/common';
import {
  PERSON_SEARCH_MAX_RESULTS,
  PERSON_SEARCH_MIN_LENGTH,
  type PersonSearchResult,
} from '@flexdesk/shared-contracts';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { validationError } from '../common/validation';
import { UsersRepository } from './users.repository';

/** Finding people to book for, at the front desk. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  /**
   * For admins and for receptionists who work at least one building's front desk (elsewhere they
   * could not book for anyone, so they need no directory of colleagues).
   */
  async search(user: AuthUser, query: string): Promise<PersonSearchResult[]> {
    const frontDesk =
      user.roles.includes('receptionist') && (user.receptionAllBuildings || user.receptionBuildingIds.length > 0);
    if (!user.roles.includes('admin') && !frontDesk) throw new DomainError('FORBIDDEN');
    const text = query.trim();
    if (text.length < PERSON_SEARCH_MIN_LENGTH) {
      throw validationError('query', `query must be at least ${PERSON_SEARCH_MIN_LENGTH} characters`);
    }
    return this.users.searchActive(text, PERSON_SEARCH_MAX_RESULTS);
  }
}
