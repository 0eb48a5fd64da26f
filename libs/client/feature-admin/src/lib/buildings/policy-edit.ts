import { SPACE_KINDS, type BookingPolicy, type PoliciesInput, type SpaceKind } from '@flexdesk/shared-contracts';

/** Rules that can be set for every kind at once (the building-wide part of the form). */
export type BuildingWideRules = Pick<BookingPolicy, 'horizonDays' | 'cancellationCutoffMinutes'>;

/**
 * The request that makes the effective rules exactly `policies`: each kind carries its whole
 * policy and the building-wide override is removed. The API only exposes the merged rules, so
 * keeping a partial override would let a stored building-wide value shadow what is shown.
 */
export function policiesRequest(policies: Record<SpaceKind, BookingPolicy>): PoliciesInput {
  const input: PoliciesInput = { building: null };
  for (const kind of SPACE_KINDS) input[kind] = { ...policies[kind], allowedSlots: [...policies[kind].allowedSlots] };
  return input;
}

/** `policies` with one kind's rules replaced. */
export function withKind(
  policies: Record<SpaceKind, BookingPolicy>,
  kind: SpaceKind,
  policy: BookingPolicy,
): Record<SpaceKind, BookingPolicy> {
  return { ...policies, [kind]: policy };
}

/** `policies` with the building-wide rules applied to every kind. */
export function withBuildingWide(
  policies: Record<SpaceKind, BookingPolicy>,
  rules: BuildingWideRules,
): Record<SpaceKind, BookingPolicy> {
  return Object.fromEntries(SPACE_KINDS.map((k) => [k, { ...policies[k], ...rules }])) as Record<
    SpaceKind,
    BookingPolicy
  >;
}

/** The building-wide value shown: the kinds' common value, or the desks' where they differ. */
export function buildingWide(policies: Record<SpaceKind, BookingPolicy>): BuildingWideRules {
  return {
    horizonDays: policies.desk.horizonDays,
    cancellationCutoffMinutes: policies.desk.cancellationCutoffMinutes,
  };
}
