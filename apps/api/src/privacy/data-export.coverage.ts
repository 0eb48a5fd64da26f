/**
 * Every column that refers to a person — each foreign key to `users` — and the part of the personal
 * data export (`GET /api/me/export`) that covers it. `test/data-export.int-spec.ts` reads the
 * database's foreign keys and fails when one is missing here, so a migration that stores something
 * new about people cannot leave the export incomplete: add a section (and list it here) first.
 */
export const PERSON_REFERENCES: Readonly<Record<string, string>> = {
  'user_groups.user_id': 'person.groups',
  'identity_links.user_id': 'person.identityLinks',
  'reception_assignments.user_id': 'person.reception',
  'sessions.user_id': 'sessions',
  'password_tokens.user_id': 'passwordLinks',
  'password_tokens.created_by': 'passwordLinks (byYou), administration.passwordLinksIssued',
  'bookings.booker_id': 'bookings (forYou)',
  'bookings.creator_id': 'bookings (madeByYou)',
  'booking_series.booker_id': 'series (forYou)',
  'booking_series.creator_id': 'series (madeByYou)',
  'favourites.user_id': 'favourites',
  'follows.follower_id': 'following',
  'follows.followed_id': 'followedBy (a count: who follows is the follower’s data)',
  'absences.user_id': 'absences',
  'spaces.assignee_id': 'assignedDesks',
  'waitlist_entries.user_id': 'waitlist',
  'outbox.recipient_id': 'messages',
  'audit_log.actor_id': 'auditLog (byYou)',
  'floors.published_by': 'administration.floorsPublished',
  'floors.draft_updated_by': 'administration.floorDrafts',
  'floor_backgrounds.created_by': 'administration.floorBackgrounds',
  'webhooks.created_by': 'administration.webhooks',
};

/**
 * Every column of `users`: where the export shows it, or why it does not. The same spec fails on a
 * column missing here, so a new setting cannot be forgotten either.
 */
export const USER_COLUMNS: Readonly<Record<string, string>> = {
  id: 'person.id',
  email: 'person.email',
  display_name: 'person.displayName',
  roles: 'person.roles',
  locale: 'person.locale',
  show_name_to_colleagues: 'person.showNameToColleagues',
  default_floor_id: 'person.defaultFloor',
  home_building_id: 'person.homeBuilding',
  active: 'person.active',
  deactivated_at: 'person.deactivatedAt',
  scim_deleted_at: 'person.scimDeletedAt',
  external_id: 'person.externalId',
  created_at: 'person.createdAt',
  updated_at: 'person.updatedAt',
  notification_preferences: 'person.notificationPreferences',
  reception_all_buildings: 'person.reception.allBuildings',
  password_hash: 'only whether one is set (person.hasPassword): a hash is a secret',
  calendar_token_hash: 'only whether a feed exists (person.calendarFeed): a hash is a secret',
  search_key: 'not exported: derived from name and e-mail for searching',
};
