import { Injectable } from '@nestjs/common';
import { WeightedLru } from '../common/weighted-lru';
import { type BookableSpaceRow, FloorsRepository, type StampedSpaces } from './floors.repository';

/**
 * Spaces kept in all, over every floor, whatever their number: about 13 MB of heap at most (a kept
 * space measured some 650 bytes), enough for the forty 500-desk floors asked about last.
 */
export const KEPT_SPACES_LIMIT = 20_000;

/**
 * Each instance keeps the bookable spaces of the floors it was last asked about, with the floor's
 * `spaces_changed_at` stamp they were read at. Every availability request reads the current stamp
 * in the same round as the day's bookings (BuildingsRepository.floorDay) and uses the kept spaces
 * only while it is unchanged, so a publish through any instance is seen by every instance on its
 * next request: nothing has to reach them, and nothing another instance needs lives here.
 *
 * What this spares a 500-desk floor's every request is PostgreSQL returning 500 rows and the driver
 * parsing them (bench:availability). Least recently used floors go first beyond KEPT_SPACES_LIMIT.
 */
@Injectable()
export class BookableSpacesCache {
  private readonly kept = new WeightedLru<string, StampedSpaces>(KEPT_SPACES_LIMIT);

  constructor(private readonly floors: FloorsRepository) {}

  /**
   * The floor's spaces as of `currentStamp` or later (null: no such floor). A floor not kept at all
   * is read in the same round as the stamp; a kept one is read again only when its stamp moved.
   */
  async of(floorId: string, currentStamp: Promise<string | null>): Promise<BookableSpaceRow[] | null> {
    const kept = this.kept.get(floorId);
    const [stamp, read] = await Promise.all([currentStamp, kept ? null : this.floors.bookableSpaces(floorId)]);
    if (stamp === null) {
      this.kept.delete(floorId); // a deleted floor
      return null;
    }
    if (kept?.stamp === stamp) return kept.spaces;
    // Read in its own snapshot, possibly newer than `stamp`: either is a state the floor had after
    // the request began, and it is kept under the stamp it was read at.
    const fresh = read ?? (await this.floors.bookableSpaces(floorId));
    if (!fresh) return null;
    this.kept.set(floorId, fresh, 1 + fresh.spaces.length); // an empty floor weighs something too
    return fresh.spaces;
  }
}
