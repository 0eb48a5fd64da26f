import type { Role } from '@flexdesk/shared-contracts';
import {
  actsForOthersIn,
  holdsSomewhere,
  mayCheckIn,
  mayReadBooking,
  namesVisibleIn,
  seesBookerName,
  seesNamesIn,
} from './access-policy';

const RATHAUS = '11111111-1111-4111-8111-111111111111';
const LONDON = '22222222-2222-4222-8222-222222222222';
const ME = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';
const viewer = (roles: Role[], receptionBuildingIds: string[] = [], receptionAllBuildings = false) => ({
  id: ME,
  roles,
  receptionBuildingIds,
  receptionAllBuildings,
});

describe('access policy', () => {
  it('shows names to receptionists only in their assigned buildings', () => {
    expect(seesNamesIn(viewer(['receptionist'], [RATHAUS]), RATHAUS)).toBe(true);
    expect(seesNamesIn(viewer(['receptionist'], [RATHAUS]), LONDON)).toBe(false);
    expect(seesNamesIn(viewer(['receptionist']), RATHAUS)).toBe(false);
  });

  it('shows names everywhere to receptionists set to all buildings, and to admins', () => {
    expect(seesNamesIn(viewer(['receptionist'], [], true), LONDON)).toBe(true);
    expect(seesNamesIn(viewer(['admin']), LONDON)).toBe(true);
  });

  it('tells the buildings where names are seen, as seesNamesIn decides them', () => {
    expect(namesVisibleIn(viewer(['receptionist'], [RATHAUS]))).toEqual([RATHAUS]);
    expect(namesVisibleIn(viewer(['receptionist'], [RATHAUS], true))).toBe('all');
    expect(namesVisibleIn(viewer(['admin']))).toBe('all');
    expect(namesVisibleIn(viewer(['employee'], [RATHAUS], true))).toEqual([]);
    expect(namesVisibleIn(viewer(['facility_manager'], [RATHAUS]))).toEqual([]);
  });

  it('never shows names to employees or facility managers, whatever their assignments say', () => {
    expect(seesNamesIn(viewer(['employee'], [RATHAUS], true), RATHAUS)).toBe(false);
    expect(seesNamesIn(viewer(['facility_manager'], [RATHAUS]), RATHAUS)).toBe(false);
  });

  it('lets facility managers act for others everywhere, receptionists where they see names', () => {
    expect(actsForOthersIn(viewer(['facility_manager']), LONDON)).toBe(true);
    expect(actsForOthersIn(viewer(['receptionist'], [RATHAUS]), LONDON)).toBe(false);
    expect(actsForOthersIn(viewer(['receptionist'], [RATHAUS]), RATHAUS)).toBe(true);
    expect(actsForOthersIn(viewer(['employee']), RATHAUS)).toBe(false);
  });

  it('knows who works some front desk at all', () => {
    expect(holdsSomewhere(viewer(['receptionist']), 'people:search')).toBe(false);
    expect(holdsSomewhere(viewer(['receptionist'], [LONDON]), 'people:search')).toBe(true);
    expect(holdsSomewhere(viewer(['receptionist'], [], true), 'people:search')).toBe(true);
    expect(holdsSomewhere(viewer(['admin']), 'people:search')).toBe(true);
    expect(holdsSomewhere(viewer(['facility_manager'], [LONDON]), 'people:search')).toBe(false);
  });

  it('shows a booker name to the booker, where allowed, and to the front desk', () => {
    expect(seesBookerName(viewer(['employee']), ME, false, RATHAUS)).toBe(true);
    expect(seesBookerName(viewer(['employee']), OTHER, false, RATHAUS)).toBe(false);
    expect(seesBookerName(viewer(['employee']), OTHER, true, RATHAUS)).toBe(true);
    expect(seesBookerName(viewer(['receptionist'], [RATHAUS]), OTHER, false, RATHAUS)).toBe(true);
    expect(seesBookerName(viewer(['receptionist'], [RATHAUS]), OTHER, false, LONDON)).toBe(false);
    // A purged booking has no booker; nobody is "the booker" of it.
    expect(seesBookerName(viewer(['employee']), null, false, RATHAUS)).toBe(false);
  });

  it('lets booker, creator and those acting for others read a booking', () => {
    const booking = { bookerId: OTHER, creatorId: OTHER, buildingId: RATHAUS };
    expect(mayReadBooking(viewer(['employee']), booking)).toBe(false);
    expect(mayReadBooking(viewer(['employee']), { ...booking, creatorId: ME })).toBe(true);
    expect(mayReadBooking(viewer(['facility_manager']), booking)).toBe(true);
    expect(mayReadBooking(viewer(['receptionist'], [LONDON]), booking)).toBe(false);
  });

  it('leaves check-in to the booker and the front desk, not to facility managers', () => {
    const booking = { bookerId: OTHER, buildingId: RATHAUS };
    expect(mayCheckIn(viewer(['facility_manager']), booking)).toBe(false);
    expect(mayCheckIn(viewer(['receptionist'], [RATHAUS]), booking)).toBe(true);
    expect(mayCheckIn(viewer(['employee']), { ...booking, bookerId: ME })).toBe(true);
  });
});
