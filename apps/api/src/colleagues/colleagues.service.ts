import { Injectable } from '@nestjs/common';
import type { Colleague, ColleaguePlace } from '@flexdesk/shared-contracts';
import { initialsOf, isValidDate } from '@flexdesk/shared-domain';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { isoInZone } from '../common/time-format';
import { validationError } from '../common/validation';
import { type ColleagueRow, ColleaguesRepository } from './colleagues.repository';

const SEARCH_LIMIT = 20;

function colleague(r: ColleagueRow): Colleague {
  return { id: r.id, displayName: r.displayName, initials: initialsOf(r.displayName), following: r.following };
}

/**
 * Following colleagues and seeing where they sit. Only people who chose to show their name to
 * colleagues can be found, followed or located; someone who stops showing it disappears from
 * every list at once (it is checked on every read, not when following).
 */
@Injectable()
export class ColleaguesService {
  constructor(private readonly colleagues: ColleaguesRepository) {}

  async search(user: AuthUser, query: string): Promise<Colleague[]> {
    return (await this.colleagues.search(user.id, query.trim(), SEARCH_LIMIT)).map(colleague);
  }

  async followed(user: AuthUser): Promise<Colleague[]> {
    return (await this.colleagues.followed(user.id)).map(colleague);
  }

  async follow(user: AuthUser, id: string): Promise<Colleague[]> {
    // Someone who does not show their name is not found, as if they did not exist.
    if (!(await this.colleagues.followable(user.id, id))) throw new DomainError('USER_NOT_FOUND');
    await this.colleagues.follow(user.id, id);
    return this.followed(user);
  }

  async unfollow(user: AuthUser, id: string): Promise<void> {
    await this.colleagues.unfollow(user.id, id);
  }

  async places(user: AuthUser, date: string): Promise<ColleaguePlace[]> {
    if (!isValidDate(date)) throw validationError('date', 'date is not a calendar date');
    const { colleagues, places } = await this.colleagues.places(user.id, date);
    return colleagues.map((c) => ({
      colleague: colleague(c),
      via: c.via,
      places: places
        .filter((p) => p.userId === c.id)
        .map((p) => ({
          spaceId: p.spaceId,
          spaceLabel: p.spaceLabel,
          floorId: p.floorId,
          floorName: p.floorName,
          buildingId: p.buildingId,
          buildingName: p.buildingName,
          start: p.start ? isoInZone(p.start, p.timeZone) : null,
          end: p.end ? isoInZone(p.end, p.timeZone) : null,
        })),
    }));
  }
}
