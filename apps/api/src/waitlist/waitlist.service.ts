import { outboxCause } from '../database/outbox-cause';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { can, type BookingPolicy, type SpaceKind, type WaitlistEntry, type WaitlistRequest } from '@flexdesk/shared-contracts';
import { addDaysToDate, checkBookingRequest, isRestrictedFor, isValidDate, localDateOf } from '@flexdesk/shared-domain';
import type { Subscription } from 'rxjs';
import { BookingsRepository, type SpaceContext } from '../bookings/bookings.repository';
import { policyOf } from '../bookings/bookings.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { validationError } from '../common/validation';
import { LiveEventsHub } from '../events/live-events.hub';
import { UsersRepository } from '../users/users.repository';
import { type CandidateSpace, type WaitingRow, WaitlistRepository } from './waitlist.repository';

/** Floor-days served per sweep of the job; the next sweep takes the rest. */
const SWEEP_BATCH = 200;
/** The longest range of days one availability event makes us look at. */
const MAX_EVENT_DAYS = 62;

interface KindRules {
  ctx: SpaceContext;
  policy: BookingPolicy;
}

/**
 * The waiting list: when a space matching someone's wish becomes free, the first person waiting
 * gets it booked — through the booking engine's insert, under every rule — then the next.
 *
 * Serving is triggered by the database's notifications (a booking cancelled or released, a desk
 * released by its owner), which every instance hears; the job sweeps all waiting days as a
 * safety net (a layout published with new desks, a notification missed during a reconnect) and
 * expires entries whose slot has begun. Whoever serves a floor's day holds its advisory lock, so
 * instances take turns and each sees what the one before did.
 */
@Injectable()
export class WaitlistService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WaitlistService.name);
  private subscription: Subscription | null = null;
  /** Floor-days heard about and not yet served; a burst of changes to one day costs one serve. */
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;

  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly bookings: BookingsRepository,
    private readonly users: UsersRepository,
    private readonly hub: LiveEventsHub,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.hub.events$.subscribe((e) => {
      if (e.type === 'booking' && e.op === 'update' && (e.status === 'cancelled' || e.status === 'released')) {
        this.schedule(e.floorId, e.date);
      } else if (e.type === 'availability' && isValidDate(e.from) && isValidDate(e.to)) {
        void this.waitlist
          .waitingDaysOnFloor(e.floorId, e.from, e.to < addDaysToDate(e.from, MAX_EVENT_DAYS) ? e.to : addDaysToDate(e.from, MAX_EVENT_DAYS))
          .then((dates) => dates.forEach((d) => this.schedule(e.floorId, d)))
          .catch((err) => this.logger.warn(`waiting days of an availability change: ${String(err)}`));
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    this.pending.clear();
    await this.draining?.catch(() => undefined);
  }

  async join(user: AuthUser, req: WaitlistRequest): Promise<WaitlistEntry> {
    if (!isValidDate(req.date)) throw validationError('date', 'date is not a calendar date');
    if (!req.floorId === !req.spaceId) throw validationError('floorId', 'give either floorId or spaceId');
    const attributes = [...new Set(req.attributes ?? [])].sort();
    const space = req.spaceId ? await this.bookings.findSpaceContext(req.spaceId, req.date) : null;
    if (req.spaceId && !space) throw new DomainError('SPACE_NOT_FOUND');
    if (space && space.kind !== req.kind) throw validationError('kind', `the space is a ${space.kind}`);
    const floorId = space?.floorId ?? (req.floorId as string);
    const candidates = (await this.waitlist.candidates(floorId)).filter((c) => matches(c, { spaceId: req.spaceId ?? null, kind: req.kind, attributes }));
    if (!candidates.length) throw new DomainError(req.floorId ? 'FLOOR_NOT_FOUND' : 'SPACE_UNAVAILABLE');
    // Every rule of a booking, except that the space is taken: no waiting for what could never be booked.
    const rules = await this.rulesFor(candidates[0].id, req.date);
    const privileged = can(user, 'spaces:unrestricted');
    const allowed = candidates.filter((c) => !isRestrictedFor(c, user.groupIds, privileged));
    if (!allowed.length) throw new DomainError('ACCESS_RESTRICTED');
    const verdict = this.verdict(rules, user, req.date, req.slot);
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.params);
    if (verdict.start <= this.clock.now()) throw new DomainError('IN_THE_PAST');

    const id = await this.waitlist.create({
      userId: user.id,
      floorId,
      spaceId: req.spaceId ?? null,
      kind: req.kind,
      attributes,
      date: req.date,
      slot: req.slot,
    });
    if (!id) throw new DomainError('ALREADY_WAITING');
    // Something may be free already: then the person gets it right away.
    await this.serve(floorId, req.date);
    return (await this.waitlist.find(user.id, id)) as WaitlistEntry;
  }

  list(user: AuthUser): Promise<WaitlistEntry[]> {
    return this.waitlist.listForUser(user.id, localDateOf(this.clock.now(), 'UTC'));
  }

  async leave(user: AuthUser, id: string): Promise<void> {
    if (!(await this.waitlist.cancel(user.id, id))) throw new DomainError('WAITLIST_ENTRY_NOT_FOUND');
  }

  /** The job: every floor-day with people waiting is served (and its started entries expired). */
  async sweep(): Promise<number> {
    let booked = 0;
    for (const { floorId, date } of await this.waitlist.waitingDays(SWEEP_BATCH)) booked += await this.serve(floorId, date);
    return booked;
  }

  /**
   * Serves one floor's day in queue order; returns how many people got a space. Everything that
   * is not about who holds which space is read first; inside the lock only the queue and the
   * spaces' occupancy are read, then written (the embedded database has a single connection).
   */
  async serve(floorId: string, date: string): Promise<number> {
    const waiting = await this.waitlist.waiting(floorId, date);
    if (!waiting.length) return 0;
    const now = this.clock.now();
    const candidates = await this.waitlist.candidates(floorId);
    const rulesByKind = new Map<SpaceKind, KindRules | null>();
    for (const kind of new Set(waiting.map((w) => w.kind))) {
      const first = candidates.find((c) => c.kind === kind);
      rulesByKind.set(kind, first ? await this.rulesFor(first.id, date) : null);
    }
    const people = new Map((await Promise.all([...new Set(waiting.map((w) => w.userId))].map((id) => this.users.findById(id)))).flatMap((u) => (u ? [[u.id, u]] : [])));

    return this.waitlist.serveExclusively(floorId, date, async (m, stillWaiting) => {
      let booked = 0;
      const queue = new Map(waiting.map((w) => [w.id, w]));
      for (const id of stillWaiting) {
        // Joined after our first read: the next serve takes it (its own join serves at once).
        const entry = queue.get(id);
        if (!entry) continue;
        const person = people.get(entry.userId);
        const rules = rulesByKind.get(entry.kind);
        if (!person?.active || !rules) {
          await this.waitlist.settle(m, entry.id, 'cancelled');
          continue;
        }
        const verdict = this.verdict(rules, person, date, entry.slot);
        if (!verdict.ok || verdict.start <= now) {
          // The slot has begun (or can no longer be booked at all): waiting ends.
          if (!verdict.ok && verdict.code !== 'IN_THE_PAST' && verdict.code !== 'BUILDING_CLOSED') continue;
          await this.waitlist.settle(m, entry.id, 'expired');
          continue;
        }
        const privileged = can(person, 'spaces:unrestricted');
        const wanted = candidates.filter((c) => matches(c, entry) && !isRestrictedFor(c, person.groupIds, privileged)).map((c) => c.id);
        for (const spaceId of await this.waitlist.freeAmong(m, wanted, person.id, date, verdict.start, verdict.end)) {
          // The booker's mail says it came from the waiting list (the outbox trigger reads this).
          await outboxCause(m, 'waitlist');
          const result = await this.bookings.insert(
            {
              spaceId,
              spaceKind: entry.kind,
              bookerId: person.id,
              creatorId: person.id,
              start: verdict.start,
              end: verdict.end,
              date,
              slot: verdict.slot,
              maxPerDay: rules.policy.maxPerDay,
            },
            m,
          );
          if (result.ok) {
            await this.waitlist.settle(m, entry.id, 'booked', result.id);
            booked++;
            break;
          }
          if (result.reason === 'limit') {
            // They booked something themselves meanwhile: they no longer wait.
            await this.waitlist.settle(m, entry.id, 'cancelled');
            break;
          }
        }
      }
      if (booked) this.logger.log(`waiting list: booked ${booked} space(s) on floor ${floorId} for ${date}`);
      return booked;
    });
  }

  private schedule(floorId: string, date: string): void {
    this.pending.add(`${floorId}|${date}`);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  private async drain(): Promise<void> {
    for (const key of this.pending) {
      this.pending.delete(key);
      const [floorId, date] = key.split('|');
      await this.serve(floorId, date).catch((e) => this.logger.error(`serving the waiting list of ${key} failed`, e instanceof Error ? e.stack : String(e)));
    }
  }

  private async rulesFor(spaceId: string, date: string): Promise<KindRules | null> {
    const ctx = await this.bookings.findSpaceContext(spaceId, date);
    return ctx ? { ctx, policy: policyOf(ctx) } : null;
  }

  private verdict(rules: KindRules | null, person: { groupIds: string[]; roles: AuthUser['roles'] }, date: string, slot: WaitlistRequest['slot']) {
    if (!rules) return { ok: false as const, code: 'SPACE_NOT_FOUND' as const, params: undefined };
    const { ctx, policy } = rules;
    return checkBookingRequest(
      {
        now: this.clock.now(),
        calendar: { timeZone: ctx.timeZone, openingHours: ctx.openingHours, midday: ctx.midday, closures: ctx.closures },
        policy,
        // Restrictions are checked per space by the caller.
        space: { bookable: true, restrictedToGroupIds: [], zoneRestrictedToGroupIds: [] },
        bookerGroupIds: person.groupIds,
        isPrivileged: can(person, 'spaces:unrestricted'),
      },
      { date, slot },
    );
  }
}

function matches(space: CandidateSpace, wish: Pick<WaitingRow, 'spaceId' | 'kind' | 'attributes'>): boolean {
  if (wish.spaceId) return space.id === wish.spaceId;
  return space.kind === wish.kind && wish.attributes.every((a) => space.attributes.includes(a));
}
