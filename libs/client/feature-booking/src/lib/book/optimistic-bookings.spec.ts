import type { FloorAvailability } from '@flexdesk/shared-contracts';
import { OptimisticBookings, applyOptimistic } from './optimistic-bookings';

const DAY = '2026-05-04';
const MORNING = { start: '2026-05-04T05:00:00.000Z', end: '2026-05-04T10:00:00.000Z' };
const AFTERNOON = { start: '2026-05-04T10:00:00.000Z', end: '2026-05-04T17:00:00.000Z' };

const availability = (overrides: Partial<FloorAvailability> = {}): FloorAvailability => ({
  floorId: 'eg',
  date: DAY,
  open: { start: '2026-05-04T05:00:00.000Z', end: '2026-05-04T17:00:00.000Z' },
  closedReason: null,
  spaces: [
    { spaceId: 'd1', state: 'free', bookings: [] },
    {
      spaceId: 'd2',
      state: 'partial',
      bookings: [{ ...MORNING, status: 'confirmed', mine: false, bookerName: 'Ida Meier' }],
    },
  ],
  ...overrides,
});

describe('applyOptimistic', () => {
  it('shows a requested booking as mine, next to the bookings already there', () => {
    const shown = applyOptimistic(availability(), [
      { key: 1, floorId: 'eg', date: DAY, spaceId: 'd2', ...AFTERNOON, confirmedAfterRequest: null },
    ]);
    const d2 = shown.spaces.find((s) => s.spaceId === 'd2');
    expect(d2?.state).toBe('mine');
    expect(d2?.bookings).toEqual([
      { ...MORNING, status: 'confirmed', mine: false, bookerName: 'Ida Meier' },
      { ...AFTERNOON, status: 'confirmed', mine: true, bookerName: null },
    ]);
    expect(shown.spaces.find((s) => s.spaceId === 'd1')?.state).toBe('free');
  });

  it('leaves other floors and days alone, returning the very same answer', () => {
    const a = availability();
    const entries = [
      { key: 1, floorId: 'og', date: DAY, spaceId: 'd1', ...MORNING, confirmedAfterRequest: null },
      { key: 2, floorId: 'eg', date: '2026-05-05', spaceId: 'd1', ...MORNING, confirmedAfterRequest: null },
    ];
    expect(applyOptimistic(a, entries)).toBe(a);
    expect(applyOptimistic(a, [])).toBe(a);
  });

  it('does not list a booking twice once the server has it (times compared as instants)', () => {
    const a = availability({
      spaces: [
        {
          spaceId: 'd1',
          state: 'mine',
          bookings: [
            {
              id: 'b1',
              start: '2026-05-04T07:00:00+02:00',
              end: '2026-05-04T12:00:00+02:00',
              status: 'confirmed',
              mine: true,
              bookerName: null,
            },
          ],
        },
      ],
    });
    const shown = applyOptimistic(a, [
      { key: 1, floorId: 'eg', date: DAY, spaceId: 'd1', ...MORNING, confirmedAfterRequest: 3 },
    ]);
    expect(shown.spaces[0].bookings).toHaveLength(1);
    expect(shown.spaces[0].state).toBe('mine');
  });
});

describe('OptimisticBookings', () => {
  const booking = { floorId: 'eg', date: DAY, spaceId: 'd1', ...MORNING };
  const stateOfD1 = (store: OptimisticBookings) =>
    applyOptimistic(availability(), store.entries()).spaces.find((s) => s.spaceId === 'd1')?.state;

  it('rolls a refused booking back to the real state', () => {
    const store = new OptimisticBookings();
    const key = store.add(booking);
    expect(stateOfD1(store)).toBe('mine');
    store.rollback(key);
    expect(store.entries()).toEqual([]);
    expect(stateOfD1(store)).toBe('free');
  });

  it('keeps a pending booking through any availability answer', () => {
    const store = new OptimisticBookings();
    store.add(booking);
    store.settle(99);
    expect(stateOfD1(store)).toBe('mine');
  });

  it('keeps a confirmed booking until an answer requested after the confirmation arrives', () => {
    const store = new OptimisticBookings();
    const key = store.add(booking);
    // Requests 1 and 2 were started before the server said yes; they may not know of the booking.
    store.confirm(key, 2);
    store.settle(1);
    store.settle(2);
    expect(stateOfD1(store)).toBe('mine');
    store.settle(3);
    expect(store.entries()).toEqual([]);
  });

  it('rolls back only the attempt it is told to', () => {
    const store = new OptimisticBookings();
    const first = store.add(booking);
    const second = store.add({ ...booking, spaceId: 'd2', ...AFTERNOON });
    store.rollback(second);
    expect(store.entries().map((e) => e.key)).toEqual([first]);
    expect(first).not.toBe(second);
  });
});
