import { SOMEONE_ELSE, auditEntryForExport, exportFileName, type AuditRow } from './data-export';

const ME = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const AT = new Date('2026-12-07T08:00:00Z');
const row = (r: Partial<AuditRow>): AuditRow => ({
  at: AT,
  actorId: null,
  action: 'update',
  entityType: 'user',
  entityId: ME,
  details: {},
  ...r,
});

describe('auditEntryForExport', () => {
  it('shows a change made to the person without naming who made it', () => {
    const entry = auditEntryForExport(row({ actorId: OTHER, details: { fields: ['roles'], roles: ['employee'] } }), ME);
    expect(entry).toEqual({
      at: '2026-12-07T08:00:00.000Z',
      action: 'update',
      entityType: 'user',
      entityId: ME,
      details: { fields: ['roles'], roles: ['employee'] },
      byYou: false,
      aboutYou: true,
    });
    expect(JSON.stringify(entry)).not.toContain(OTHER);
  });

  it("keeps an administrator's change to another person, but not whom it was about", () => {
    const entry = auditEntryForExport(row({ actorId: ME, entityId: OTHER, details: { roles: ['admin'] } }), ME);
    expect(entry).toMatchObject({
      action: 'update',
      entityType: 'user',
      entityId: null,
      details: {},
      byYou: true,
      aboutYou: false,
    });
  });

  it('keeps changes to things (buildings, floors, imports) as they are', () => {
    const building = '00000000-0000-4000-8000-0000000000cc';
    expect(
      auditEntryForExport(
        row({ actorId: ME, entityType: 'building', entityId: building, details: { name: 'Rathaus' } }),
        ME,
      ),
    ).toMatchObject({ entityId: building, details: { name: 'Rathaus' }, byYou: true, aboutYou: false });
    expect(
      auditEntryForExport(row({ actorId: ME, action: 'import', entityId: null, details: { created: 3 } }), ME),
    ).toMatchObject({ entityId: null, details: { created: 3 } });
  });

  it('names desk assignees only as the person, nobody, or someone else', () => {
    const space = '00000000-0000-4000-8000-0000000000dd';
    const given = auditEntryForExport(
      row({
        actorId: OTHER,
        action: 'space.assign',
        entityType: 'space',
        entityId: space,
        details: { from: OTHER, to: ME },
      }),
      ME,
    );
    expect(given).toMatchObject({
      entityId: space,
      details: { from: SOMEONE_ELSE, to: ME },
      byYou: false,
      aboutYou: true,
    });
    const taken = auditEntryForExport(
      row({
        actorId: ME,
        action: 'space.assign',
        entityType: 'space',
        entityId: space,
        details: { from: null, to: OTHER },
      }),
      ME,
    );
    expect(taken).toMatchObject({ details: { from: null, to: SOMEONE_ELSE }, byYou: true, aboutYou: false });
  });

  it('reads an entry without details as empty details', () => {
    expect(auditEntryForExport(row({ details: null }), ME).details).toEqual({});
  });
});

describe('exportFileName', () => {
  it('is the UTC day of the export', () => {
    expect(exportFileName('2026-12-07T23:30:00.000Z')).toBe('flexdesk-2026-12-07.json');
  });
});
