import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  BookingPolicy,
  Building,
  BuildingInput,
  BuildingSummary,
  Closure,
  FloorSummary,
  SpaceKind,
} from '@flexdesk/shared-contracts';
import { BuildingsAdminApi, BuildingsApi } from '@flexdesk/client-data-access';
import { type Observable, firstValueFrom } from 'rxjs';
import { type Direction, moveFloor } from './floor-order';
import { policiesRequest } from './policy-edit';

/** A plan size for floors created here; the editor resizes it to the background image. */
const NEW_FLOOR_PLAN = { width: 4000, height: 2500 };

/**
 * The building settings page's state: the buildings, the one open, and the commands that change
 * it. Commands reject with the API's error; the page tells the person.
 */
@Injectable()
export class BuildingsStore {
  private readonly api = inject(BuildingsAdminApi);
  private readonly buildingsApi = inject(BuildingsApi);

  readonly buildings = signal<BuildingSummary[]>([]);
  /** The building open in the settings; null with `creating` for a new one. */
  readonly building = signal<Building | null>(null);
  readonly creating = signal(false);
  readonly loading = signal(false);
  readonly loadError = signal<unknown>(null);
  readonly busy = signal(false);
  readonly selectedId = computed(() => this.building()?.id ?? null);
  private previousId: string | null = null;

  async load(preferredId?: string | null): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const list = await firstValueFrom(this.buildingsApi.list());
      this.buildings.set(list);
      const id = list.find((b) => b.id === preferredId)?.id ?? list[0]?.id ?? null;
      if (id) await this.open(id);
      else this.startNew();
    } catch (e) {
      this.loadError.set(e);
    } finally {
      this.loading.set(false);
    }
  }

  async open(id: string): Promise<void> {
    this.creating.set(false);
    this.building.set(await firstValueFrom(this.buildingsApi.get(id)));
  }

  startNew(): void {
    this.previousId = this.building()?.id ?? this.previousId;
    this.creating.set(true);
    this.building.set(null);
  }

  /** Back to the building open before "new", if there is one. */
  async cancelNew(): Promise<void> {
    const id = this.buildings().find((b) => b.id === this.previousId)?.id ?? this.buildings()[0]?.id;
    if (id) await this.open(id);
  }

  async save(input: BuildingInput): Promise<Building> {
    const current = this.building();
    const saved = await this.run(() =>
      current && !this.creating() ? this.api.update(current.id, input) : this.api.create(input),
    );
    this.creating.set(false);
    this.show(saved);
    return saved;
  }

  async remove(): Promise<void> {
    const current = this.building();
    if (!current) return;
    await this.run(() => this.api.delete(current.id));
    const rest = this.buildings().filter((b) => b.id !== current.id);
    this.buildings.set(rest);
    if (rest.length) await this.open(rest[0].id);
    else this.startNew();
  }

  async addClosures(closures: Closure[]): Promise<void> {
    const id = this.requireId();
    if (!closures.length) return;
    this.show(await this.run(() => this.api.addClosures(id, closures)));
  }

  async removeClosure(date: string): Promise<void> {
    const id = this.requireId();
    await this.run(() => this.api.deleteClosure(id, date));
    this.building.update((b) => b && { ...b, closures: b.closures.filter((c) => c.date !== date) });
  }

  async setPolicies(policies: Record<SpaceKind, BookingPolicy>): Promise<void> {
    const id = this.requireId();
    this.show(await this.run(() => this.api.setPolicies(id, policiesRequest(policies))));
  }

  async addFloor(name: string, level: number): Promise<FloorSummary> {
    const id = this.requireId();
    const floor = await this.run(() => this.api.createFloor(id, { name, level, ...NEW_FLOOR_PLAN }));
    await this.refresh();
    return floor;
  }

  async renameFloor(floor: FloorSummary, name: string): Promise<void> {
    await this.updateFloor(floor.id, { name });
    await this.refresh();
  }

  async moveFloor(floor: FloorSummary, direction: Direction): Promise<void> {
    const changes = moveFloor(this.building()?.floors ?? [], floor.id, direction);
    for (const change of changes) await this.updateFloor(change.id, { level: change.level });
    if (changes.length) await this.refresh();
  }

  /** Refused with HAS_FUTURE_BOOKINGS while bookings on the floor have not ended. */
  async deleteFloor(floor: FloorSummary): Promise<void> {
    await this.run(() => this.api.deleteFloor(floor.id));
    await this.refresh();
  }

  /** The API wants the whole floor, plan size included, so it is read first. */
  private async updateFloor(id: string, patch: { name?: string; level?: number }): Promise<void> {
    await this.run(async () => {
      const floor = await firstValueFrom(this.api.floor(id));
      return this.api.updateFloor(id, {
        name: patch.name ?? floor.name,
        level: patch.level ?? floor.level,
        width: floor.plan.width,
        height: floor.plan.height,
      });
    });
  }

  private async refresh(): Promise<void> {
    const id = this.requireId();
    this.show(await firstValueFrom(this.buildingsApi.get(id)));
  }

  /** Shows a building as saved and keeps the list beside it in step. */
  private show(building: Building): void {
    this.building.set(building);
    const summary: BuildingSummary = {
      id: building.id,
      name: building.name,
      address: building.address,
      timeZone: building.timeZone,
      floors: building.floors,
    };
    this.buildings.update((list) =>
      (list.some((b) => b.id === summary.id)
        ? list.map((b) => (b.id === summary.id ? summary : b))
        : [...list, summary]
      ).sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  private requireId(): string {
    const id = this.building()?.id;
    if (!id) throw new Error('No building is open');
    return id;
  }

  private async run<T>(request: () => Promise<Observable<T>> | Observable<T>): Promise<T> {
    this.busy.set(true);
    try {
      return await firstValueFrom(await request());
    } finally {
      this.busy.set(false);
    }
  }
}
