import type { UserSummary } from './models';

/**
 * Which buildings' booker names a receptionist sees (day list, CSV, names on the plan). Admins set
 * it: either every building, or the buildings listed. Without a building, the front desk still gets
 * that building's totals, but no names.
 */
export interface ReceptionAssignment extends UserSummary {
  email: string;
  allBuildings: boolean;
  /** Sorted by building name; kept, but without effect, while `allBuildings` is set. */
  buildingIds: string[];
}

/** `PUT /api/admin/receptionists/:id` (admins only). */
export interface SetReceptionAssignmentRequest {
  allBuildings: boolean;
  buildingIds: string[];
}

/** A person found by `GET /api/users?query=` (front desk and admins): enough to book for them, no more. */
export interface PersonSearchResult extends UserSummary {
  email: string;
}

/** `GET /api/users?query=`: at least this many characters, at most this many results. */
export const PERSON_SEARCH_MIN_LENGTH = 2;
export const PERSON_SEARCH_MAX_RESULTS = 20;

/** Client route of the page a desk's QR code opens (`/check-in/<spaceId>`). */
export const CHECK_IN_PAGE_PATH = 'check-in';
