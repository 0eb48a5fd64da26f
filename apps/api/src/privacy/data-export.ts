import type { PersonalDataAuditEntry } from '@flexdesk/shared-contracts';

/** How the export names another person wherever a row involves one. */
export const SOMEONE_ELSE = 'someone else';

export interface AuditRow {
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * An audit entry as the person's export shows it. The entry is theirs because they made it or
 * because it is about them; whatever in it concerns someone else is left out: the actor of a change
 * made to them is not named (`byYou: false`), and an entry they made about another person keeps
 * its action and time but not whom it was about (id and details: roles, groups of that person).
 */
export function auditEntryForExport(row: AuditRow, personId: string): PersonalDataAuditEntry {
  const details = row.details ?? {};
  const aboutPerson = row.entityType === 'user' && row.entityId !== null;
  const assignment = row.action === 'space.assign';
  const aboutYou =
    (aboutPerson && row.entityId === personId) ||
    (assignment && (details['from'] === personId || details['to'] === personId));
  const aboutSomeoneElse = aboutPerson && row.entityId !== personId;
  return {
    at: row.at.toISOString(),
    action: row.action,
    entityType: row.entityType,
    entityId: aboutSomeoneElse ? null : row.entityId,
    details: aboutSomeoneElse ? {} : assignment ? assignmentDetails(details, personId) : details,
    byYou: row.actorId === personId,
    aboutYou,
  };
}

/** `space.assign` names the desk's previous and new assignee: either the person, nobody, or someone else. */
function assignmentDetails(details: Record<string, unknown>, personId: string): Record<string, unknown> {
  const who = (id: unknown) => (id === null || id === undefined || id === personId ? (id ?? null) : SOMEONE_ELSE);
  return { ...details, from: who(details['from']), to: who(details['to']) };
}

/** `flexdesk-2026-12-07.json`: the UTC day of the export. */
export function exportFileName(generatedAt: string): string {
  return `flexdesk-${generatedAt.slice(0, 10)}.json`;
}
