import { type Role, ROLES } from '@flexdesk/shared-contracts';
import { DEFAULT_LANDING_PATH, LANDING_PAGES, landingPath } from './landing';

const person = (...roles: Role[]) => ({ roles });

describe('landingPath', () => {
  it.each<[Role[], string]>([
    [['employee'], '/book'],
    [['receptionist'], '/reception'],
    [['facility_manager'], '/buildings'],
    [['admin'], '/admin/people'],
    // Several roles: the widest job wins.
    [['employee', 'receptionist'], '/reception'],
    [['receptionist', 'facility_manager'], '/buildings'],
    [['facility_manager', 'admin'], '/admin/people'],
  ])('%j lands on %s', (roles, path) => expect(landingPath(person(...roles))).toBe(path));

  it('sends people without roles, or nobody, to booking', () => {
    expect(landingPath(person())).toBe(DEFAULT_LANDING_PATH);
    expect(landingPath(null)).toBe(DEFAULT_LANDING_PATH);
  });

  it('has a landing page for every role', () => {
    const landed = new Set(ROLES.map((r) => landingPath(person(r))));
    expect(landed).toEqual(new Set([DEFAULT_LANDING_PATH, ...LANDING_PAGES.map((p) => p.path)]));
  });
});
