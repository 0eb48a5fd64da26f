import { BOOKING_SLOTS } from '@flexdesk/shared-contracts';
import type {
  BookingPolicy,
  BookingSlot,
  FieldError,
  PolicyOverride,
  SpaceKind,
} from '@flexdesk/shared-contracts';

export const DEFAULT_POLICIES: Record<SpaceKind, BookingPolicy> = {
  desk: {
    horizonDays: 14,
    allowedSlots: ['day', 'am', 'pm'],
    maxPerDay: 1,
    slotStepMinutes: 30,
    minDurationMinutes: 60,
    maxDurationMinutes: 1440,
    checkInRequired: false,
    checkInGraceMinutes: 30,
    cancellationCutoffMinutes: 0,
  },
  room: {
    horizonDays: 14,
    allowedSlots: ['custom'],
    maxPerDay: 4,
    slotStepMinutes: 15,
    minDurationMinutes: 15,
    maxDurationMinutes: 480,
    checkInRequired: true,
    checkInGraceMinutes: 15,
    cancellationCutoffMinutes: 0,
  },
  parking: {
    horizonDays: 14,
    allowedSlots: ['day'],
    maxPerDay: 1,
    slotStepMinutes: 60,
    minDurationMinutes: 60,
    maxDurationMinutes: 1440,
    checkInRequired: false,
    checkInGraceMinutes: 30,
    cancellationCutoffMinutes: 0,
  },
};

// The defaults are shared by every caller; freezing turns an accidental mutation into an error
// instead of a silent change of the rules for everyone.
for (const policy of Object.values(DEFAULT_POLICIES)) {
  Object.freeze(policy.allowedSlots);
  Object.freeze(policy);
}
Object.freeze(DEFAULT_POLICIES);

export const POLICY_KEYS: readonly (keyof BookingPolicy)[] = [
  'horizonDays',
  'allowedSlots',
  'maxPerDay',
  'slotStepMinutes',
  'minDurationMinutes',
  'maxDurationMinutes',
  'checkInRequired',
  'checkInGraceMinutes',
  'cancellationCutoffMinutes',
  'checkInReminderMinutes',
];

/** Reminder lead time where a policy sets none. */
export const DEFAULT_CHECK_IN_REMINDER_MINUTES = 15;

export const SLOT_STEP_CHOICES: readonly number[] = [5, 10, 15, 20, 30, 60];

function applyOverride(
  target: BookingPolicy,
  override: PolicyOverride | null | undefined,
): void {
  if (!override) return;
  // Only known keys are copied: overrides come from stored JSON and may carry stale fields.
  for (const key of POLICY_KEYS) {
    const value = override[key];
    if (value !== undefined)
      (target as unknown as Record<string, unknown>)[key] = value;
  }
}

export function effectivePolicy(
  kind: SpaceKind,
  buildingOverride?: PolicyOverride | null,
  kindOverride?: PolicyOverride | null,
): BookingPolicy {
  const defaults = DEFAULT_POLICIES[kind];
  const policy: BookingPolicy = { ...defaults };
  applyOverride(policy, buildingOverride);
  applyOverride(policy, kindOverride);
  // A fresh array, so the caller can neither mutate the defaults nor an override it was built from.
  policy.allowedSlots = [...policy.allowedSlots];
  return policy;
}

type Check = (value: unknown) => string | null;

function integerIn(min: number, max: number): Check {
  return (value) =>
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= min &&
    value <= max
      ? null
      : `must be a whole number from ${min} to ${max}`;
}

const CHECKS: Record<keyof BookingPolicy, Check> = {
  horizonDays: integerIn(0, 365),
  maxPerDay: integerIn(1, 50),
  slotStepMinutes: (value) =>
    typeof value === 'number' && SLOT_STEP_CHOICES.includes(value)
      ? null
      : `must be one of ${SLOT_STEP_CHOICES.join(', ')}`,
  minDurationMinutes: integerIn(5, 1440),
  maxDurationMinutes: integerIn(5, 1440),
  allowedSlots: (value) => {
    if (!Array.isArray(value) || value.length === 0)
      return 'must be a non-empty list of slots';
    if (!value.every(isBookingSlot)) {
      return `may only contain ${BOOKING_SLOTS.join(', ')}`;
    }
    if (new Set(value).size !== value.length) return 'must not repeat a slot';
    return null;
  },
  checkInRequired: (value) =>
    typeof value === 'boolean' ? null : 'must be true or false',
  checkInGraceMinutes: integerIn(0, 240),
  cancellationCutoffMinutes: integerIn(0, 10080),
  checkInReminderMinutes: integerIn(0, 1440),
};

function isPolicyKey(key: string): key is keyof BookingPolicy {
  return (POLICY_KEYS as readonly string[]).includes(key);
}

/** Errors of a policy override as received over the wire; an empty list means it is valid. */
export function validatePolicyOverride(o: unknown): FieldError[] {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) {
    return [{ path: '', message: 'must be an object' }];
  }
  const errors: FieldError[] = [];
  const record = o as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!isPolicyKey(key)) {
      errors.push({ path: key, message: 'is not a policy field' });
      continue;
    }
    // effectivePolicy skips undefined values, so they are not an error either.
    if (value === undefined) continue;
    const message = CHECKS[key](value);
    if (message) errors.push({ path: key, message });
  }
  const min = record['minDurationMinutes'];
  const max = record['maxDurationMinutes'];
  if (
    !errors.some(
      (e) => e.path === 'minDurationMinutes' || e.path === 'maxDurationMinutes',
    ) &&
    typeof min === 'number' &&
    typeof max === 'number' &&
    min > max
  ) {
    errors.push({
      path: 'maxDurationMinutes',
      message: 'must not be less than minDurationMinutes',
    });
  }
  return errors;
}

export function isBookingSlot(value: unknown): value is BookingSlot {
  return (BOOKING_SLOTS as readonly unknown[]).includes(value);
}
