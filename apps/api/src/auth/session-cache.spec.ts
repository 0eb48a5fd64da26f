import { BehaviorSubject, Subject } from 'rxjs';
import type { LiveEventsHub, SessionChange } from '../events/live-events.hub';
import { CHANGE_UNDER_WAY_MS, KEEP_SESSION_MS, SessionCache } from './session-cache';
import type { SessionRow } from './sessions.repository';

const row = (userId: string, expiresInMs = 3_600_000): SessionRow => ({
  sessionId: `s-${userId}`,
  csrfToken: 'csrf',
  expiresAt: new Date(Date.now() + expiresInMs),
  userId,
  email: `${userId}@example.com`,
  displayName: userId,
  roles: ['employee'],
  locale: 'de',
  showNameToColleagues: true,
  defaultFloorId: null,
  groupIds: [],
  receptionAllBuildings: false,
  receptionBuildingIds: [],
});

describe('SessionCache', () => {
  // The hub's two streams, fed here as its LISTEN connections would feed them.
  let changes: Subject<SessionChange>;
  let hears: BehaviorSubject<boolean>;
  let cache: SessionCache;
  let lookUps: number;
  const lookUp = (r: SessionRow | null) => async () => {
    lookUps++;
    return r;
  };
  /** Asks twice for `who`'s session under `hash`: one look-up if it is kept, two if not. */
  const askTwice = async (hash: string, who: string) => {
    for (let i = 0; i < 2; i++) await cache.session(hash, lookUp(row(who)));
  };

  beforeEach(() => {
    changes = new Subject();
    hears = new BehaviorSubject(true);
    cache = new SessionCache({ sessionChanges$: changes, hearsSessionChanges$: hears } as unknown as LiveEventsHub);
    lookUps = 0;
  });
  afterEach(() => {
    cache.onModuleDestroy();
    jest.useRealTimers();
  });

  it('looks a session up once and keeps it, until a notice names its person or everyone', async () => {
    const anna = row('anna');
    expect(await cache.session('h1', lookUp(anna))).toBe(anna);
    expect(await cache.session('h1', lookUp(row('changed')))).toBe(anna);
    await cache.session('h2', lookUp(row('ben')));
    expect(lookUps).toBe(2);

    changes.next({ people: 'carl,anna', committed: true });
    expect(await cache.session('h1', lookUp(row('anna')))).toMatchObject({ userId: 'anna' });
    expect(await cache.session('h2', lookUp(row('never')))).toMatchObject({ userId: 'ben' }); // ben's stays
    expect(lookUps).toBe(3);
    changes.next({ people: '*', committed: true });
    await cache.session('h2', lookUp(row('ben')));
    expect(lookUps).toBe(4);
  });

  it('keeps nothing that is invalid, and nothing while notices could be missed', async () => {
    await cache.session('none', lookUp(null));
    await cache.session('none', lookUp(null));
    expect(lookUps).toBe(2);

    hears.next(false); // the listener went down
    await askTwice('h1', 'anna');
    expect(lookUps).toBe(4);
    hears.next(true);
    await askTwice('h1', 'anna');
    expect(lookUps).toBe(5);
    hears.next(false); // and what was kept is gone with it
    await cache.session('h1', lookUp(row('anna')));
    expect(lookUps).toBe(6);
  });

  it('does not keep a look-up that a notice overtook: it may have read the state before the change', async () => {
    let finish: (r: SessionRow) => void = () => undefined;
    const slow = cache.session('h1', () => new Promise<SessionRow>((resolve) => (finish = resolve)));
    changes.next({ people: 'anna', committed: true }); // committed while the look-up was on its way
    finish(row('anna'));
    await slow;
    await cache.session('h1', lookUp(row('anna')));
    expect(lookUps).toBe(1);
  });

  it('looks a session up again once it expires, or after KEEP_SESSION_MS at the latest', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T07:00:00Z') });
    await cache.session('short', lookUp(row('anna', 60_000)));
    await cache.session('long', lookUp(row('ben')));
    jest.advanceTimersByTime(60_000);
    await cache.session('short', lookUp(null)); // expired: the database says so
    await cache.session('long', lookUp(row('ben')));
    expect(lookUps).toBe(3);
    jest.advanceTimersByTime(KEEP_SESSION_MS - 60_000);
    await cache.session('long', lookUp(row('ben')));
    expect(lookUps).toBe(4);
  });

  it('keeps nobody whose change is under way (its NOTICE heard) until its commit is heard', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T07:00:00Z') });
    await cache.session('h1', lookUp(row('anna')));
    await cache.session('h2', lookUp(row('ben')));
    changes.next({ people: 'anna', committed: false }); // a sign-out running on this instance
    await cache.session('h1', lookUp(row('anna'))); // read before its commit: the old state
    await cache.session('h1', lookUp(row('anna')));
    await cache.session('h2', lookUp(row('ben')));
    expect(lookUps).toBe(4); // anna twice more, ben kept
    changes.next({ people: 'anna', committed: true });
    await askTwice('h1', 'anna');
    expect(lookUps).toBe(5);

    changes.next({ people: '*', committed: false }); // rolled back: no NOTIFY ever comes
    await askTwice('h2', 'ben');
    expect(lookUps).toBe(7);
    jest.advanceTimersByTime(CHANGE_UNDER_WAY_MS);
    await askTwice('h2', 'ben');
    expect(lookUps).toBe(8);
  });
});
