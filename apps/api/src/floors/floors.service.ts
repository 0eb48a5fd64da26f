import { Injectable } from '@nestjs/common';
import type { Floor, FloorInput, FloorSummary } from '@flexdesk/shared-contracts';
import { backgroundUrl } from '../backgrounds/background-url';
import { BuildingsRepository } from '../buildings/buildings.repository';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { FloorsRepository } from './floors.repository';

/** Floors with their published plan, as everyone reads them; created and changed by facility managers. */
@Injectable()
export class FloorsService {
  constructor(
    private readonly floors: FloorsRepository,
    private readonly buildings: BuildingsRepository,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Floor> {
    const floor = await this.floors.findById(id);
    if (!floor) throw new DomainError('FLOOR_NOT_FOUND');
    const [zones, spaces] = await Promise.all([this.floors.zones(id), this.floors.spaces(id)]);
    return {
      id: floor.id,
      buildingId: floor.buildingId,
      buildingName: floor.buildingName,
      timeZone: floor.timeZone,
      name: floor.name,
      level: floor.level,
      spaceCount: spaces.length,
      version: floor.version,
      plan: {
        width: floor.planWidth,
        height: floor.planHeight,
        backgroundUrl: floor.backgroundId ? backgroundUrl(floor.backgroundId) : null,
        scale: floor.planScale,
      },
      zones,
      spaces,
    };
  }

  async create(user: AuthUser, buildingId: string, input: FloorInput): Promise<FloorSummary> {
    const id = await this.floors.create(user.id, buildingId, input);
    if (!id) throw new DomainError('BUILDING_NOT_FOUND');
    return this.summary(id);
  }

  async update(user: AuthUser, id: string, input: FloorInput): Promise<FloorSummary> {
    if (!(await this.floors.update(user.id, id, input))) throw new DomainError('FLOOR_NOT_FOUND');
    return this.summary(id);
  }

  /** Refused while future bookings exist: people must be told first, not silently lose them. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const count = await this.buildings.futureBookingCount({ floorId: id }, this.clock.now());
    if (count > 0) throw new DomainError('HAS_FUTURE_BOOKINGS', { count });
    if (!(await this.floors.delete(user.id, id))) throw new DomainError('FLOOR_NOT_FOUND');
  }

  private async summary(id: string): Promise<FloorSummary> {
    const floor = await this.get(id);
    return { id, buildingId: floor.buildingId, name: floor.name, level: floor.level, spaceCount: floor.spaceCount };
  }
}
