import type { Role } from '@flexdesk/shared-contracts';
import { actsForOthersIn, seesNamesIn } from './reception-scope';

const RATHAUS = '11111111-1111-4111-8111-111111111111';
const LONDON = '22222222-2222-4222-8222-222222222222';
const viewer = (roles: Role[], receptionBuildingIds: string[] = [], receptionAllBuildings = false) => ({
  roles,
  receptionBuildingIds,
  receptionAllBuildings,
});

describe('reception scope', () => {
  it('shows names to receptionists only in their assigned buildings', () => {
    expect(seesNamesIn(viewer(['receptionist'], [RATHAUS]), RATHAUS)).toBe(true);
    expect(seesNamesIn(viewer(['receptionist'], [RATHAUS]), LONDON)).toBe(false);
    expect(seesNamesIn(viewer(['receptionist']), RATHAUS)).toBe(false);
  });

  it('shows names everywhere to receptionists set to all buildings, and to admins', () => {
    expect(seesNamesIn(viewer(['receptionist'], [], true), LONDON)).toBe(true);
    expect(seesNamesIn(viewer(['admin']), LONDON)).toBe(true);
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
});
