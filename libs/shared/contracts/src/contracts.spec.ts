import { ERROR_CODES, PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, permissionScope, rolesWith } from './index';

describe('error codes', () => {
  it('are unique, so a code names one thing', () => {
    expect(ERROR_CODES.filter((c, i) => ERROR_CODES.indexOf(c) !== i)).toEqual([]);
  });
});

describe('permission table', () => {
  const employee = { roles: ['employee' as const] };
  const receptionist = { roles: ['receptionist' as const] };
  const facility = { roles: ['facility_manager' as const] };
  const admin = { roles: ['admin' as const] };

  it('names only known permissions for every role', () => {
    for (const role of ROLES) {
      for (const p of Object.keys(ROLE_PERMISSIONS[role])) expect(PERMISSIONS).toContain(p);
    }
  });

  it('lets every role do what an employee does', () => {
    for (const role of ROLES) {
      for (const p of ['profile:self', 'buildings:read', 'bookings:self'] as const) {
        expect(can({ roles: [role] }, p)).toBe(true);
      }
    }
  });

  it('lets admins do everything, everywhere', () => {
    for (const p of PERMISSIONS) expect(permissionScope(admin, p)).toBe('all');
  });

  it('keeps editing, reception and administration away from employees', () => {
    for (const p of [
      'buildings:write',
      'layout:edit',
      'layout:publish',
      'reception:board',
      'reception:names',
      'audit:read',
      'people:admin',
    ] as const) {
      expect(can(employee, p)).toBe(false);
    }
  });

  it('gives receptionists names only in their assigned buildings, and no editing', () => {
    expect(permissionScope(receptionist, 'reception:names')).toBe('assigned');
    expect(permissionScope(receptionist, 'bookings:others')).toBe('assigned');
    expect(can(receptionist, 'layout:edit')).toBe(false);
    expect(can(receptionist, 'audit:read')).toBe(false);
  });

  it('gives facility managers the editor and booking for others, but no names', () => {
    expect(can(facility, 'layout:publish')).toBe(true);
    expect(permissionScope(facility, 'bookings:others')).toBe('all');
    expect(can(facility, 'reception:names')).toBe(false);
    expect(can(facility, 'reception:assign')).toBe(false);
  });

  it('takes the widest scope over several roles', () => {
    expect(permissionScope({ roles: ['receptionist', 'facility_manager'] }, 'bookings:others')).toBe('all');
    expect(permissionScope({ roles: ['receptionist', 'employee'] }, 'bookings:others')).toBe('assigned');
  });

  it('grants nothing without a person or with unknown roles', () => {
    expect(can(null, 'profile:self')).toBe(false);
    expect(can({ roles: [] }, 'profile:self')).toBe(false);
    expect(can({ roles: ['superuser' as never] }, 'profile:self')).toBe(false);
  });

  it('lists the roles that grant a permission', () => {
    expect(rolesWith('layout:publish')).toEqual(['facility_manager', 'admin']);
    expect(rolesWith('audit:read')).toEqual(['admin']);
  });
});
