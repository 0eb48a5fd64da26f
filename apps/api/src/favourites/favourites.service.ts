import { Injectable } from '@nestjs/common';
import { can, type Favourite } from '@flexdesk/shared-contracts';
import { isRestrictedFor } from '@flexdesk/shared-domain';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { FavouritesRepository } from './favourites.repository';

@Injectable()
export class FavouritesService {
  constructor(private readonly favourites: FavouritesRepository) {}

  list(user: AuthUser): Promise<Favourite[]> {
    return this.favourites.list(user.id);
  }

  /** Stars a space; one the person may not book (a zone of other teams) cannot be a favourite. */
  async add(user: AuthUser, spaceId: string): Promise<Favourite[]> {
    const target = await this.favourites.target(spaceId);
    if (!target) throw new DomainError('SPACE_NOT_FOUND');
    if (isRestrictedFor(target, user.groupIds, can(user, 'spaces:unrestricted'))) throw new DomainError('ACCESS_RESTRICTED');
    await this.favourites.add(user.id, spaceId);
    return this.list(user);
  }

  async remove(user: AuthUser, spaceId: string): Promise<void> {
    await this.favourites.remove(user.id, spaceId);
  }
}
