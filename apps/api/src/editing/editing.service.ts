import { Injectable } from '@nestjs/common';
import type {
  Building,
  BuildingInput,
  ClosuresInput,
  FieldError,
  FloorInput,
  FloorSummary,
  PoliciesInput,
} from '@flexdesk/shared-contracts';
import {
  effectivePolicy,
  isValidDate,
  isValidTimeZone,
  minutesOfDay,
  validatePolicyOverride,
} from '@flexdesk/shared-domain';
import { BuildingsService } from '../buildings/buildings.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type AuthUser, hasRole } from '../common/request-context';
import { AuditRepository } from './audit.repository';
import { EditingRepository } from './editing.repository';
import { POLICY_SCOPES } from './editing.dto';

export function requireFacilityManager(user: AuthUser): void {
  if (!hasRole(user, 'facility_manager')) throw new DomainError('FORBIDDEN');
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', {}, { errors });
}

/** Rules the DTO shapes cannot express: a real zone, one window per weekday, open before close. */
export function buildingErrors(b: BuildingInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidTimeZone(b.timeZone)) errors.push({ path: 'timeZone', message: 'not an IANA time zone' });
  const seen = new Set<number>();
  b.openingHours.forEach((h, i) => {
    if (seen.has(h.weekday)) errors.push({ path: `openingHours[${i}].weekday`, message: 'weekday listed twice' });
    seen.add(h.weekday);
    if (h.open === '24:00' || minutesOfDay(h.open) >= minutesOfDay(h.close)) {
      errors.push({ path: `openingHours[${i}].close`, message: 'close must be after open' });
    }
  });
  return errors;
}

/** Buildings, floors, closures and booking rules — facility managers and admins only, all audited. */
@Injectable()
export class EditingService {
  constructor(
    private readonly editing: EditingRepository,
    private readonly audit: AuditRepository,
    private readonly buildings: BuildingsService,
    private readonly clock: Clock,
  ) {}

  async createBuilding(user: AuthUser, input: BuildingInput): Promise<Building> {
    requireFacilityManager(user);
    const errors = buildingErrors(input);
    if (errors.length) throw invalid(errors);
    const id = await this.editing.transaction(async (m) => {
      const created = await this.editing.createBuilding(m, input);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'create',
          entityType: 'building',
          entityId: created,
          details: { name: input.name },
        },
        m,
      );
      return created;
    });
    return this.buildings.get(id);
  }

  async updateBuilding(user: AuthUser, id: string, input: BuildingInput): Promise<Building> {
    requireFacilityManager(user);
    const errors = buildingErrors(input);
    if (errors.length) throw invalid(errors);
    await this.editing.transaction(async (m) => {
      if (!(await this.editing.updateBuilding(m, id, input))) throw new DomainError('BUILDING_NOT_FOUND');
      await this.audit.record(
        { actorId: user.id, action: 'update', entityType: 'building', entityId: id, details: { ...input } },
        m,
      );
    });
    return this.buildings.get(id);
  }

  /** Refused while future bookings exist: people must be told first, not silently lose them. */
  async deleteBuilding(user: AuthUser, id: string): Promise<void> {
    requireFacilityManager(user);
    const count = await this.editing.futureBookingCount({ buildingId: id }, this.clock.now());
    if (count > 0) throw new DomainError('HAS_FUTURE_BOOKINGS', { count });
    await this.editing.transaction(async (m) => {
      if (!(await this.editing.deleteBuilding(m, id))) throw new DomainError('BUILDING_NOT_FOUND');
      await this.audit.record({ actorId: user.id, action: 'delete', entityType: 'building', entityId: id }, m);
    });
  }

  /** Adds closures (e.g. a whole year of public holidays at once); an existing date gets the new reason. */
  async addClosures(user: AuthUser, buildingId: string, input: ClosuresInput): Promise<Building> {
    requireFacilityManager(user);
    const errors = input.closures.flatMap((c, i) =>
      isValidDate(c.date) ? [] : [{ path: `closures[${i}].date`, message: 'not a calendar date' }],
    );
    if (errors.length) throw invalid(errors);
    await this.buildings.get(buildingId); // 404 before writing
    await this.editing.transaction(async (m) => {
      await this.editing.upsertClosures(m, buildingId, input.closures);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'add',
          entityType: 'closures',
          entityId: buildingId,
          details: { dates: input.closures.map((c) => c.date) },
        },
        m,
      );
    });
    return this.buildings.get(buildingId);
  }

  async deleteClosure(user: AuthUser, buildingId: string, date: string): Promise<void> {
    requireFacilityManager(user);
    if (!isValidDate(date)) throw invalid([{ path: 'date', message: 'not a calendar date' }]);
    await this.editing.transaction(async (m) => {
      await this.editing.deleteClosure(m, buildingId, date);
      await this.audit.record(
        { actorId: user.id, action: 'delete', entityType: 'closures', entityId: buildingId, details: { date } },
        m,
      );
    });
  }

  async setPolicies(user: AuthUser, buildingId: string, input: PoliciesInput): Promise<Building> {
    requireFacilityManager(user);
    const errors: FieldError[] = [];
    for (const scope of POLICY_SCOPES) {
      const value = input[scope];
      if (value === undefined || value === null) continue;
      errors.push(
        ...validatePolicyOverride(value).map((e) => ({
          path: e.path ? `${scope}.${e.path}` : scope,
          message: e.message,
        })),
      );
    }
    // The merged rules must make sense too, e.g. a building-wide minimum above a kind's maximum,
    // including overrides stored earlier that this request leaves as they are (undefined).
    await this.buildings.get(buildingId); // 404 before validating further
    if (!errors.length) {
      const stored = await this.buildings.storedPolicies(buildingId);
      const building = input.building === undefined ? stored.building : input.building;
      for (const kind of ['desk', 'room', 'parking'] as const) {
        const own = input[kind] === undefined ? (stored.byKind[kind] ?? null) : input[kind];
        const merged = effectivePolicy(kind, building, own);
        if (merged.minDurationMinutes > merged.maxDurationMinutes) {
          errors.push({
            path: `${kind}.minDurationMinutes`,
            message: 'minimum duration above the maximum once merged',
          });
        }
      }
    }
    if (errors.length) throw invalid(errors);
    await this.editing.transaction(async (m) => {
      for (const scope of POLICY_SCOPES) {
        const value = input[scope];
        if (value === undefined) continue;
        await this.editing.setPolicy(m, buildingId, scope === 'building' ? '*' : scope, value);
      }
      await this.audit.record(
        { actorId: user.id, action: 'update', entityType: 'policies', entityId: buildingId, details: { ...input } },
        m,
      );
    });
    return this.buildings.get(buildingId);
  }

  async createFloor(user: AuthUser, buildingId: string, input: FloorInput): Promise<FloorSummary> {
    requireFacilityManager(user);
    await this.buildings.get(buildingId);
    const id = await this.editing.transaction(async (m) => {
      const created = await this.editing.createFloor(m, buildingId, input);
      await this.audit.record(
        { actorId: user.id, action: 'create', entityType: 'floor', entityId: created, details: { ...input } },
        m,
      );
      return created;
    });
    const floor = await this.buildings.floor(id);
    return { id: floor.id, buildingId, name: floor.name, level: floor.level, spaceCount: 0 };
  }

  async updateFloor(user: AuthUser, id: string, input: FloorInput): Promise<FloorSummary> {
    requireFacilityManager(user);
    await this.editing.transaction(async (m) => {
      if (!(await this.editing.updateFloor(m, id, input))) throw new DomainError('FLOOR_NOT_FOUND');
      await this.audit.record(
        { actorId: user.id, action: 'update', entityType: 'floor', entityId: id, details: { ...input } },
        m,
      );
    });
    const floor = await this.buildings.floor(id);
    return { id, buildingId: floor.buildingId, name: floor.name, level: floor.level, spaceCount: floor.spaceCount };
  }

  async deleteFloor(user: AuthUser, id: string): Promise<void> {
    requireFacilityManager(user);
    const count = await this.editing.futureBookingCount({ floorId: id }, this.clock.now());
    if (count > 0) throw new DomainError('HAS_FUTURE_BOOKINGS', { count });
    await this.editing.transaction(async (m) => {
      if (!(await this.editing.deleteFloor(m, id))) throw new DomainError('FLOOR_NOT_FOUND');
      await this.audit.record({ actorId: user.id, action: 'delete', entityType: 'floor', entityId: id }, m);
    });
  }
}
