import { Injectable } from '@nestjs/common';
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
  private readonly kept = new Map<string, StampedSpaces>();
  private total = 0;

  constructor(private readonly floors: FloorsRepository) {}

  /**
   * The floor's spaces as of `currentStamp` or later (null: no such floor). A floor not kept at all
   * is read in the same round as the stamp; a kept one is read again only when its stamp moved.
   */
  async of(floorId: string, currentStamp: Promise<string | null>): Promise<BookableSpaceRow[] | null> {
    const kept = this.kept.get(floorId);
    const [stamp, read] = await Promise.all([currentStamp, kept ? null : this.floors.bookableSpaces(floorId)]);
    if (stamp === null) return null;
    if (kept?.stamp === stamp) {
      // Most recently used last.
      this.kept.delete(floorId);
      this.kept.set(floorId, kept);
      return kept.spaces;
    }
    // Read in its own snapshot, possibly newer than `stamp`: either is a state the floor had after
    // the request began, and it is kept under the stamp it was read at.
    const fresh = read ?? (await this.floors.bookableSpaces(floorId));
    if (!fresh) return null;
    this.keep(floorId, fresh);
    return fresh.spaces;
  }

  private keep(floorId: string, entry: StampedSpaces): void {
    const old = this.kept.get(floorId);
    if (old) {
      this.kept.delete(floorId);
      this.total -= old.spaces.length;
    }
    if (entry.spaces.length > KEPT_SPACES_LIMIT) return;
    this.kept.set(floorId, entry);
    this.total += entry.spaces.length;
    for (const [id, oldest] of this.kept) {
      if (this.total <= KEPT_SPACES_LIMIT) break;
      this.kept.delete(id);
      this.total -= oldest.spaces.length;
    }
  }
}
