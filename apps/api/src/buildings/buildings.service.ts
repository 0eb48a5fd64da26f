import { Injectable } from '@nestjs/common';
import {
  SPACE_KINDS,
  type Building,
  type BookingPolicy,
  type BuildingSummary,
  type Floor,
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import { addDaysToDate, effectivePolicy, localDateOf } from '@flexdesk/shared-domain';
import { backgroundUrl } from '../backgrounds/background-url';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { BuildingsRepository, type PolicyRows } from './buildings.repository';
import { FloorsRepository } from './floors.repository';

export function effectivePolicies(rows: PolicyRows): Record<SpaceKind, BookingPolicy> {
  return Object.fromEntries(
    SPACE_KINDS.map((kind) => [kind, effectivePolicy(kind, rows.building, rows.byKind[kind])]),
  ) as Record<SpaceKind, BookingPolicy>;
}

@Injectable()
export class BuildingsService {
  constructor(
    private readonly buildings: BuildingsRepository,
    private readonly floors: FloorsRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<BuildingSummary[]> {
    const buildings = await this.buildings.list();
    const floors = await this.buildings.floorSummaries(buildings.map((b) => b.id));
    return buildings.map((b) => ({
      id: b.id,
      name: b.name,
      address: b.address,
      timeZone: b.timeZone,
      floors: floors.filter((f) => f.buildingId === b.id),
    }));
  }

  async get(id: string): Promise<Building> {
    const building = await this.buildings.findById(id);
    if (!building) throw new DomainError('BUILDING_NOT_FOUND');
    const today = localDateOf(this.clock.now(), building.timeZone);
    const [floors, closures, policies] = await Promise.all([
      this.buildings.floorSummaries([id]),
      // Closures a client needs for its date picker: recent past to well beyond any horizon.
      this.buildings.closures(id, addDaysToDate(today, -31), addDaysToDate(today, 400)),
      this.buildings.policies(id),
    ]);
    return { ...building, closures, policies: effectivePolicies(policies), floors };
  }

  /** The overrides as stored (building-wide and per kind), before merging with the defaults. */
  storedPolicies(id: string): Promise<PolicyRows> {
    return this.buildings.policies(id);
  }

  async floor(id: string): Promise<Floor> {
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
}
