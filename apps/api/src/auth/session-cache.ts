import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { WeightedLru } from '../common/weighted-lru';
import { LiveEventsHub, type SessionChange } from '../events/live-events.hub';
import type { SessionRow } from './sessions.repository';

/** Sessions kept per instance: some 1,000 bytes each, so about 10 MB at most. */
export const KEPT_SESSIONS_LIMIT = 10_000;
/** However quiet the notices, a kept session is looked up again after this long. */
export const KEEP_SESSION_MS = 5 * 60_000;
/** How long a change under way (its NOTICE heard, its NOTIFY not yet) stops a person's sessions being kept. */
export const CHANGE_UNDER_WAY_MS = 10_000;

/**
 * Each instance keeps the sessions it has looked up (the session, its person, their groups and
 * front-desk buildings: everything the guard needs), so a signed-in request does not wait for a
 * round trip before its real work (bench:booking: one query in five).
 *
 * Correct across instances because the database says when a kept session goes stale: every change
 * to what the look-up reads sends `NOTIFY flexdesk_sessions` with the people concerned (migration
 * AddSessionChangeNotices), and every instance drops their sessions when it hears it. The instance
 * that made the change hears it on the very connection that committed it, before its statement
 * returns (a NOTICE to that connection), so a sign-out or an offboarding is in force there before the
 * answer leaves; other instances hear it within the NOTIFY's delivery, milliseconds.
 *
 * What could still slip through is closed too: nothing is kept while the listener is down (a notice
 * could be missed), and everything is dropped when it comes back; a look-up that was under way when
 * a notice arrived is not kept (it may have read the state before the change); between a change's
 * NOTICE and its NOTIFY (the commit) the person's sessions are not kept at all, since a look-up in
 * that time still reads the old state; and nothing is kept past its expiry or KEEP_SESSION_MS.
 */
@Injectable()
export class SessionCache implements OnModuleDestroy {
  private readonly kept = new WeightedLru<string, { row: SessionRow; until: number }>(KEPT_SESSIONS_LIMIT);
  /** Moves on every notice: a look-up that saw it move may hold what the notice dropped. */
  private generation = 0;
  private hearsChanges = false;
  /** People with a change under way (NOTICE heard, NOTIFY not yet): person → until when; `*`: everyone. */
  private readonly underWay = new Map<string, number>();
  private readonly subscriptions: Subscription[];

  constructor(hub: LiveEventsHub) {
    this.subscriptions = [
      hub.sessionChanges$.subscribe((change) => this.forget(change)),
      hub.hearsSessionChanges$.subscribe((hears) => {
        this.hearsChanges = hears;
        this.forget({ people: '*', committed: true });
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  /** The session of `tokenHash`, kept or looked up with `lookUp` (null: no valid session). */
  async session(tokenHash: string, lookUp: () => Promise<SessionRow | null>): Promise<SessionRow | null> {
    const now = Date.now();
    const kept = this.kept.get(tokenHash);
    if (kept && kept.until > now) return kept.row;
    if (kept) this.kept.delete(tokenHash);
    const generation = this.generation;
    const row = await lookUp();
    if (row && this.hearsChanges && generation === this.generation && !this.changing(row.userId, now)) {
      this.kept.set(tokenHash, { row, until: Math.min(row.expiresAt.getTime(), now + KEEP_SESSION_MS) }, 1);
    }
    return row;
  }

  /** Drops the sessions of `people` (comma-separated ids; `*`: everyone's). */
  forget({ people, committed }: SessionChange): void {
    this.generation++;
    const ids = people.split(',');
    const named = new Set(ids);
    if (people === '*') this.kept.clear();
    else this.kept.deleteWhere(({ row }) => named.has(row.userId));
    if (committed) {
      if (people === '*') this.underWay.clear();
      else for (const id of ids) this.underWay.delete(id);
      return;
    }
    const until = Date.now() + CHANGE_UNDER_WAY_MS;
    for (const id of ids) this.underWay.set(id, until);
  }

  private changing(userId: string, now: number): boolean {
    for (const id of [userId, '*']) {
      const until = this.underWay.get(id);
      if (until === undefined) continue;
      if (until > now) return true;
      this.underWay.delete(id); // rolled back, or its NOTIFY was lost with the listener
    }
    return false;
  }
}
