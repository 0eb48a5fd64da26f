import { type Role, ROLES } from '@flexdesk/shared-contracts';
import { landingPath } from '@flexdesk/client-data-access';
import { navigationFor } from './navigation';

const paths = (...roles: Role[]) => navigationFor({ roles }).map((i) => i.path);

describe('navigationFor', () => {
  it.each<[Role, string[]]>([
    ['employee', ['/book', '/bookings']],
    ['receptionist', ['/book', '/bookings', '/reception']],
    ['facility_manager', ['/book', '/bookings', '/editor', '/buildings', '/insights']],
    [
      'admin',
      [
        '/book',
        '/bookings',
        '/reception',
        '/editor',
        '/buildings',
        '/insights',
        '/admin/people',
        '/admin/groups',
        '/admin/reception',
        '/admin/audit',
        '/admin/notifications',
      ],
    ],
  ])('shows %s what their permissions open', (role, expected) => expect(paths(role)).toEqual(expected));

  it('shows nothing to nobody', () => expect(navigationFor(null)).toEqual([]));

  it("always has a way to each role's landing page", () => {
    for (const role of ROLES) expect(paths(role)).toContain(landingPath({ roles: [role] }));
  });
});
