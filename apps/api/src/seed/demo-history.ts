import type { EntityManager } from 'typeorm';
import { addDaysToDate, type BuildingCalendar, isoWeekdayOf, resolveSlot } from '@flexdesk/shared-domain';

/** Weeks of history the demo starts with, so that the insights page has something to show. */
const DEMO_PAST_WEEKS = 8;

/**
 * The colleagues' bookings of a floor over the past DEMO_PAST_WEEKS weeks, as they went: most came
 * and checked in, some cancelled the day before; booked one to seven days ahead. None is left
 * `confirmed` in the past, so no job would release it later. One statement per floor.
 */
export async function seedPastWeeks(
  m: EntityManager,
  f: {
    calendar: BuildingCalendar;
    today: string;
    desks: { id: string }[];
    colleagueIds: string[];
    rnd: () => number;
  },
): Promise<number> {
  const rows: [string, string, Date, Date, string, string, string, Date | null, Date | null, Date][] = [];
  for (let d = -7 * DEMO_PAST_WEEKS; d < 0; d++) {
    const date = addDaysToDate(f.today, d);
    if (isoWeekdayOf(date) > 5) continue;
    const free = [...f.desks];
    for (const person of f.colleagueIds) {
      if (f.rnd() > 0.3 || !free.length) continue;
      const space = free.splice(Math.floor(f.rnd() * free.length), 1)[0];
      const r = f.rnd();
      const slot = r < 0.7 ? 'day' : r < 0.85 ? 'am' : 'pm';
      const resolved = resolveSlot(f.calendar, { date, slot });
      if (!resolved.ok) continue;
      const created = new Date(resolved.start.getTime() - (1 + Math.floor(f.rnd() * 7)) * 86_400_000);
      const cancelled = f.rnd() < 0.15;
      const checkedIn = cancelled ? null : new Date(resolved.start.getTime() + Math.floor(f.rnd() * 25) * 60_000);
      const cancelledAt = cancelled ? new Date(resolved.start.getTime() - 86_400_000) : null;
      rows.push([
        space.id,
        person,
        resolved.start,
        resolved.end,
        date,
        slot,
        cancelled ? 'cancelled' : 'checked_in',
        checkedIn,
        cancelledAt,
        created,
      ]);
    }
  }
  if (!rows.length) return 0;
  const column = (i: number) => rows.map((r) => r[i]);
  const [, inserted] = await m.query(
    `INSERT INTO bookings (space_id, booker_id, creator_id, start_at, end_at, local_date, slot, status, checked_in_at,
                           cancelled_at, created_at, updated_at)
     SELECT p.space_id, p.booker_id, p.booker_id, p.start_at, p.end_at, p.local_date, p.slot, p.status, p.checked_in_at,
            p.cancelled_at, p.created_at, coalesce(p.cancelled_at, p.checked_in_at)
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::date[], $6::text[], $7::text[],
                   $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
            AS p(space_id, booker_id, start_at, end_at, local_date, slot, status, checked_in_at, cancelled_at, created_at)
      WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.booker_id = p.booker_id AND b.local_date = p.local_date)`,
    Array.from({ length: 10 }, (_, i) => column(i)),
  );
  return Number(inserted) || 0;
}
