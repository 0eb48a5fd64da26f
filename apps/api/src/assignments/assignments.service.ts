import { Injectable } from '@nestjs/common';
import type { Absence, AbsenceResult, MyAssignedDesk, SpaceAssignee } from '@flexdesk/shared-contracts';
import { addDaysToDate, isValidDate, localDateOf } from '@flexdesk/shared-domain';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { validationError } from '../common/validation';
import { AssignmentsRepository } from './assignments.repository';

/** How far ahead released days are listed, and how long one absence may be. */
const YEAR = 366;

/**
 * Assigned desks: a facility manager gives a desk (or parking spot) to one person, whose it is on
 * every open day; the booking engine refuses it to others (bookings.repository.ts,
 * `ASSIGNED_TO_OTHER`) unless the owner released that day or is away.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly clock: Clock,
  ) {}

  async setAssignee(user: AuthUser, spaceId: string, userId: string | null): Promise<SpaceAssignee> {
    const space = await this.assignments.space(spaceId);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    if (space.kind === 'room') throw new DomainError('NOT_ASSIGNABLE');
    const person = userId ? await this.assignments.person(userId) : null;
    if (userId && !person) throw new DomainError('USER_NOT_FOUND');
    if (person && !person.active) throw new DomainError('PERSON_INACTIVE');
    if (space.assigneeId !== userId) await this.assignments.setAssignee(space, userId, user.id);
    return { spaceId, assignee: person ? { id: person.id, displayName: person.displayName } : null };
  }

  myDesks(user: AuthUser): Promise<MyAssignedDesk[]> {
    const today = this.today();
    return this.assignments.mine(user.id, today, addDaysToDate(today, YEAR));
  }

  /** Makes one day of my assigned desk bookable by everyone. */
  async release(user: AuthUser, spaceId: string, date: string): Promise<MyAssignedDesk[]> {
    await this.ownDesk(user, spaceId, date);
    await this.assignments.release(spaceId, date);
    return this.myDesks(user);
  }

  /** Takes a released day back, unless someone else booked the desk that day. */
  async unrelease(user: AuthUser, spaceId: string, date: string): Promise<void> {
    await this.ownDesk(user, spaceId, date);
    if (!(await this.assignments.unrelease(spaceId, user.id, date))) throw new DomainError('RELEASE_BOOKED');
  }

  absences(user: AuthUser): Promise<Absence[]> {
    return this.assignments.absences(user.id, this.today());
  }

  async addAbsence(user: AuthUser, from: string, to: string): Promise<AbsenceResult> {
    if (!isValidDate(from)) throw validationError('from', 'from is not a calendar date');
    if (!isValidDate(to)) throw validationError('to', 'to is not a calendar date');
    if (to < from) throw validationError('to', 'to must not be before from');
    if (to < this.today()) throw new DomainError('IN_THE_PAST');
    if (to > addDaysToDate(from, YEAR - 1)) throw validationError('to', `an absence lasts at most ${YEAR} days`);
    const { absence, cancelled } = await this.assignments.addAbsence(user.id, from, to, this.clock.now());
    return { absence, cancelledBookings: cancelled };
  }

  async removeAbsence(user: AuthUser, id: string): Promise<void> {
    if (!(await this.assignments.removeAbsence(user.id, id))) throw new DomainError('ABSENCE_NOT_FOUND');
  }

  private async ownDesk(user: AuthUser, spaceId: string, date: string): Promise<void> {
    if (!isValidDate(date)) throw validationError('date', 'date is not a calendar date');
    const space = await this.assignments.space(spaceId);
    if (!space) throw new DomainError('SPACE_NOT_FOUND');
    if (space.assigneeId !== user.id) throw new DomainError('NOT_ASSIGNED');
    if (date < localDateOf(this.clock.now(), space.timeZone)) throw new DomainError('IN_THE_PAST');
  }

  private today(): string {
    return localDateOf(this.clock.now(), 'UTC');
  }
}
