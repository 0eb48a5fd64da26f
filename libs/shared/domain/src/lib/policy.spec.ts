import { DEFAULT_POLICIES, effectivePolicy, validatePolicyOverride } from './policy';

describe('DEFAULT_POLICIES', () => {
  it.each(['desk', 'room', 'parking'] as const)('passes its own validation for %s', (kind) => {
    expect(validatePolicyOverride({ ...DEFAULT_POLICIES[kind] })).toEqual([]);
  });

  it.each(['desk', 'room', 'parking'] as const)(
    'allows a booking of the minimum duration on the step grid for %s',
    (kind) => {
      const p = DEFAULT_POLICIES[kind];
      expect(p.minDurationMinutes % p.slotStepMinutes).toBe(0);
      expect(p.minDurationMinutes).toBeLessThanOrEqual(p.maxDurationMinutes);
    },
  );

  it('cannot be changed by accident', () => {
    expect(() => {
      (DEFAULT_POLICIES.desk as { horizonDays: number }).horizonDays = 99;
    }).toThrow(TypeError);
    expect(() => DEFAULT_POLICIES.desk.allowedSlots.push('custom')).toThrow(TypeError);
  });
});

describe('effectivePolicy', () => {
  it('is the defaults without overrides', () => {
    expect(effectivePolicy('room')).toEqual(DEFAULT_POLICIES.room);
    expect(effectivePolicy('desk', null, null)).toEqual(DEFAULT_POLICIES.desk);
  });

  it('applies the building override', () => {
    expect(effectivePolicy('desk', { horizonDays: 28 })).toEqual({
      ...DEFAULT_POLICIES.desk,
      horizonDays: 28,
    });
  });

  it('lets the kind override win over the building override', () => {
    const p = effectivePolicy('desk', { horizonDays: 28, checkInRequired: true }, { horizonDays: 7 });
    expect(p.horizonDays).toBe(7);
    expect(p.checkInRequired).toBe(true);
  });

  it('ignores undefined values', () => {
    const p = effectivePolicy('room', { maxPerDay: 2 }, { maxPerDay: undefined, slotStepMinutes: undefined });
    expect(p.maxPerDay).toBe(2);
    expect(p.slotStepMinutes).toBe(15);
  });

  it('keeps explicit falsy values', () => {
    const p = effectivePolicy('room', null, {
      checkInRequired: false,
      horizonDays: 0,
      checkInGraceMinutes: 0,
    });
    expect(p).toMatchObject({
      checkInRequired: false,
      horizonDays: 0,
      checkInGraceMinutes: 0,
    });
  });

  it('replaces slot lists as a whole', () => {
    expect(effectivePolicy('desk', null, { allowedSlots: ['day'] }).allowedSlots).toEqual(['day']);
  });

  it('drops unknown keys from stored overrides', () => {
    const stale = { horizonDays: 3, legacyFlag: true } as unknown as {
      horizonDays: number;
    };
    expect(effectivePolicy('desk', stale)).not.toHaveProperty('legacyFlag');
  });

  it('returns a fresh slot list that shares nothing with defaults or overrides', () => {
    const override = { allowedSlots: ['am' as const] };
    const p = effectivePolicy('desk', override);
    p.allowedSlots.push('pm');
    expect(override.allowedSlots).toEqual(['am']);
    const q = effectivePolicy('desk');
    q.allowedSlots.push('custom');
    expect(DEFAULT_POLICIES.desk.allowedSlots).toEqual(['day', 'am', 'pm']);
  });
});

describe('validatePolicyOverride', () => {
  it('accepts an empty override and a full valid one', () => {
    expect(validatePolicyOverride({})).toEqual([]);
    expect(validatePolicyOverride({ ...DEFAULT_POLICIES.desk })).toEqual([]);
  });

  it('accepts the range limits', () => {
    expect(
      validatePolicyOverride({
        horizonDays: 0,
        maxPerDay: 50,
        slotStepMinutes: 5,
        minDurationMinutes: 5,
        maxDurationMinutes: 1440,
        checkInGraceMinutes: 240,
        cancellationCutoffMinutes: 10080,
      }),
    ).toEqual([]);
    expect(
      validatePolicyOverride({
        horizonDays: 365,
        maxPerDay: 1,
        checkInGraceMinutes: 0,
        cancellationCutoffMinutes: 0,
      }),
    ).toEqual([]);
  });

  it('skips undefined values', () => {
    expect(validatePolicyOverride({ horizonDays: undefined })).toEqual([]);
  });

  it.each([null, 'x', 3, [], [{ horizonDays: 3 }]])('refuses a non-object %j', (value) => {
    expect(validatePolicyOverride(value)).toEqual([{ path: '', message: 'must be an object' }]);
  });

  const paths = (o: unknown) => validatePolicyOverride(o).map((e) => e.path);

  it.each([
    ['horizonDays', -1],
    ['horizonDays', 366],
    ['horizonDays', 1.5],
    ['horizonDays', '14'],
    ['horizonDays', null],
    ['maxPerDay', 0],
    ['maxPerDay', 51],
    ['slotStepMinutes', 45],
    ['slotStepMinutes', 0],
    ['minDurationMinutes', 4],
    ['maxDurationMinutes', 1441],
    ['checkInGraceMinutes', 241],
    ['checkInGraceMinutes', -5],
    ['cancellationCutoffMinutes', 10081],
    ['checkInRequired', 'yes'],
    ['allowedSlots', []],
    ['allowedSlots', ['day', 'night']],
    ['allowedSlots', 'day'],
    ['allowedSlots', ['am', 'am']],
  ])('refuses %s = %j', (key, value) => {
    expect(paths({ [key]: value })).toEqual([key]);
  });

  it('refuses a minimum above the maximum when both are given', () => {
    expect(
      validatePolicyOverride({
        minDurationMinutes: 120,
        maxDurationMinutes: 60,
      }),
    ).toEqual([
      {
        path: 'maxDurationMinutes',
        message: 'must not be less than minDurationMinutes',
      },
    ]);
    expect(
      validatePolicyOverride({
        minDurationMinutes: 60,
        maxDurationMinutes: 60,
      }),
    ).toEqual([]);
  });

  it('does not compare durations when only one is given', () => {
    expect(validatePolicyOverride({ minDurationMinutes: 1440 })).toEqual([]);
  });

  it('reports unknown keys by name', () => {
    expect(validatePolicyOverride({ horizonDays: 7, maxBookings: 3 })).toEqual([
      { path: 'maxBookings', message: 'is not a policy field' },
    ]);
  });

  it('reports every error at once, with a message', () => {
    const errors = validatePolicyOverride({
      horizonDays: 999,
      slotStepMinutes: 7,
      extra: 1,
    });
    expect(errors.map((e) => e.path)).toEqual(['horizonDays', 'slotStepMinutes', 'extra']);
    expect(errors[0].message).toBe('must be a whole number from 0 to 365');
    expect(errors[1].message).toBe('must be one of 5, 10, 15, 20, 30, 60');
  });
});
