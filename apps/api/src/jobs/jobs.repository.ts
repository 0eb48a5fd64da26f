import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_POLICIES } from '@flexdesk/shared-domain';
import { backgroundUrl } from '../backgrounds/background-url';

// Advisory lock keys, one per job: the same on every instance.
export const JOB_LOCKS = { release: 7_346_301, purge: 7_346_302 } as const;

/**
 * Effective policy value in SQL: the kind's override, then the building's, then the default for
 * the kind, which is passed as three parameters (desk, room, parking) starting at `$first`.
 */
const policyValue = (key: string, cast: string, first: number) => `COALESCE(
  (SELECT (rules->>'${key}')::${cast} FROM policies p WHERE p.building_id = f.building_id AND p.space_kind = s.kind),
  (SELECT (rules->>'${key}')::${cast} FROM policies p WHERE p.building_id = f.building_id AND p.space_kind = '*'),
  (CASE s.kind WHEN 'desk' THEN $${first}::${cast} WHEN 'room' THEN $${first + 1}::${cast} ELSE $${first + 2}::${cast} END))`;

@Injectable()
export class JobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Releases no-shows (see below) unless another instance is doing so right now (then null). */
  releaseNoShowsExclusively(now: Date): Promise<{ id: string }[] | null> {
    return this.exclusively(JOB_LOCKS.release, (m) => this.releaseNoShows(m, now));
  }

  /** The privacy purge and the background cleanup, unless another instance runs them (then null). */
  purgeExclusively(
    now: Date,
    retentionDays: number,
    keepSentMessagesDays: number,
  ): Promise<{ bookings: number; sessions: number; backgrounds: number } | null> {
    return this.exclusively(JOB_LOCKS.purge, async (m) => ({
      ...(await this.purgePersonalData(m, now, retentionDays, keepSentMessagesDays)),
      backgrounds: await this.deleteUnusedBackgrounds(m, now),
    }));
  }

  /**
   * Runs `work` only if no other instance holds the job's lock; the lock ends with the transaction,
   * so a crashed instance never blocks the job. Returns null when another instance had it.
   */
  private async exclusively<T>(lock: number, work: (m: EntityManager) => Promise<T>): Promise<T | null> {
    return this.dataSource.transaction(async (m) => {
      const [{ got }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS got`, [lock]);
      return got ? work(m) : null;
    });
  }

  /**
   * Releases confirmed bookings whose check-in deadline (start + grace, where the effective policy
   * requires check-in) has passed at `now`. Idempotent: only `confirmed` rows change, so a rerun
   * after downtime catches up without releasing anything twice.
   */
  private async releaseNoShows(m: EntityManager, now: Date): Promise<{ id: string }[]> {
    const d = DEFAULT_POLICIES;
    const [rows] = await m.query(
      `UPDATE bookings b SET status = 'released', released_at = $1, sequence = b.sequence + 1, updated_at = now()
         FROM spaces s JOIN floors f ON f.id = s.floor_id
        WHERE s.id = b.space_id AND b.status = 'confirmed' AND b.start_at <= $1
          AND ${policyValue('checkInRequired', 'boolean', 2)}
          AND b.start_at + make_interval(mins => ${policyValue('checkInGraceMinutes', 'int', 5)}) < $1
        RETURNING b.id`,
      [
        now,
        d.desk.checkInRequired,
        d.room.checkInRequired,
        d.parking.checkInRequired,
        d.desk.checkInGraceMinutes,
        d.room.checkInGraceMinutes,
        d.parking.checkInGraceMinutes,
      ],
    );
    return rows;
  }

  /**
   * Privacy: after the retention period, bookings keep only what statistics need (space, time,
   * status) and lose the people; expired sessions and old rate-limit counters go entirely.
   */
  private async purgePersonalData(
    m: EntityManager,
    now: Date,
    retentionDays: number,
    keepSentMessagesDays: number,
  ): Promise<{ bookings: number; sessions: number }> {
    const [, bookings] = await m.query(
      `UPDATE bookings SET booker_id = NULL, creator_id = NULL, updated_at = now()
        WHERE end_at < $1::timestamptz - make_interval(days => $2) AND (booker_id IS NOT NULL OR creator_id IS NOT NULL)`,
      [now, retentionDays],
    );
    // Sessions and rate-limit windows live on the database's wall clock (they are set with now()),
    // unlike bookings, whose "now" is the app's clock.
    const [, sessions] = await m.query(`DELETE FROM sessions WHERE expires_at < now()`);
    await m.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
    await m.query(`DELETE FROM oidc_logins WHERE expires_at < now()`);
    await m.query(`DELETE FROM password_tokens WHERE expires_at < now() - interval '30 days'`);
    // Sent messages name their recipient and booking; parked ones wait for an admin.
    await m.query(
      `DELETE FROM outbox WHERE status IN ('sent', 'skipped') AND sent_at < now() - make_interval(days => $1)`,
      [keepSentMessagesDays],
    );
    // Insights keep a month's pseudonyms countable, but once the month is past retention nobody may
    // be able to tell whose they were: its salt goes (see the AddBookingFacts migration).
    await m.query(
      `DELETE FROM insight_salts WHERE month + interval '1 month' <= $1::timestamptz - make_interval(days => $2)`,
      [now, retentionDays],
    );
    return { bookings: Number(bookings) || 0, sessions: Number(sessions) || 0 };
  }

  /**
   * Floor backgrounds uploaded more than a day before `now` that neither a floor shows nor a draft
   * refers to: tried and discarded in the editor, they would otherwise stay until their floor goes.
   */
  private async deleteUnusedBackgrounds(m: EntityManager, now: Date): Promise<number> {
    const [, deleted] = await m.query(
      `DELETE FROM floor_backgrounds b
        WHERE b.created_at < $1::timestamptz - interval '1 day'
          AND NOT EXISTS (SELECT 1 FROM floors f
                           WHERE f.background_id = b.id
                              OR f.draft_layout -> 'plan' ->> 'backgroundUrl' = $2 || b.id)`,
      [now, backgroundUrl('')],
    );
    return Number(deleted) || 0;
  }
}
