import { Injectable } from '@nestjs/common';
import {
  SPACE_KINDS,
  type BookingPolicy,
  type Building,
  type BuildingInput,
  type BuildingSummary,
  type ClosuresInput,
  type FieldError,
  type PoliciesInput,
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import {
  addDaysToDate,
  effectivePolicy,
  isValidDate,
  isValidTimeZone,
  localDateOf,
  minutesOfDay,
  validatePolicyOverride,
} from '@flexdesk/shared-domain';
import type { AuthUser } from '../common/request-context';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { invalid } from '../common/validation';
import { BuildingsRepository, POLICY_SCOPES, type PolicyRows } from './buildings.repository';

export function effectivePolicies(rows: PolicyRows): Record<SpaceKind, BookingPolicy> {
  return Object.fromEntries(
    SPACE_KINDS.map((kind) => [kind, effectivePolicy(kind, rows.building, rows.byKind[kind])]),
  ) as Record<SpaceKind, BookingPolicy>;
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

/** Buildings as everyone reads them, and their settings as facility managers keep them. */
@Injectable()
export class BuildingsService {
  constructor(
    private readonly buildings: BuildingsRepository,
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

  async create(user: AuthUser, input: BuildingInput): Promise<Building> {
    const errors = buildingErrors(input);
    if (errors.length) throw invalid(errors);
    return this.get(await this.buildings.create(user.id, input));
  }

  async update(user: AuthUser, id: string, input: BuildingInput): Promise<Building> {
    const errors = buildingErrors(input);
    if (errors.length) throw invalid(errors);
    if (!(await this.buildings.update(user.id, id, input))) throw new DomainError('BUILDING_NOT_FOUND');
    return this.get(id);
  }

  /** Refused while future bookings exist: people must be told first, not silently lose them. */
  async delete(user: AuthUser, id: string): Promise<void> {
    const count = await this.buildings.futureBookingCount({ buildingId: id }, this.clock.now());
    if (count > 0) throw new DomainError('HAS_FUTURE_BOOKINGS', { count });
    if (!(await this.buildings.delete(user.id, id))) throw new DomainError('BUILDING_NOT_FOUND');
  }

  /** Adds closures (e.g. a whole year of public holidays at once); an existing date gets the new reason. */
  async addClosures(user: AuthUser, buildingId: string, input: ClosuresInput): Promise<Building> {
    const errors = input.closures.flatMap((c, i) =>
      !isValidDate(c.date)
        ? [{ path: `closures[${i}].date`, message: 'not a calendar date' }]
        : input.closures.findIndex((o) => o.date === c.date) < i
          ? [{ path: `closures[${i}].date`, message: `${c.date} appears more than once` }]
          : [],
    );
    if (errors.length) throw invalid(errors);
    await this.requireBuilding(buildingId); // 404 before writing
    await this.buildings.addClosures(user.id, buildingId, input.closures);
    return this.get(buildingId);
  }

  async deleteClosure(user: AuthUser, buildingId: string, date: string): Promise<void> {
    if (!isValidDate(date)) throw invalid([{ path: 'date', message: 'not a calendar date' }]);
    await this.requireBuilding(buildingId);
    await this.buildings.deleteClosure(user.id, buildingId, date);
  }

  async setPolicies(user: AuthUser, buildingId: string, input: PoliciesInput): Promise<Building> {
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
    await this.requireBuilding(buildingId); // 404 before validating further
    // The merged rules must make sense too, e.g. a building-wide minimum above a kind's maximum,
    // including overrides stored earlier that this request leaves as they are (undefined).
    if (!errors.length) {
      const stored = await this.buildings.policies(buildingId);
      const building = input.building === undefined ? stored.building : input.building;
      for (const kind of SPACE_KINDS) {
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
    await this.buildings.setPolicies(user.id, buildingId, input);
    return this.get(buildingId);
  }

  private async requireBuilding(id: string): Promise<void> {
    if (!(await this.buildings.findById(id))) throw new DomainError('BUILDING_NOT_FOUND');
  }
}
