import type { LayoutSpace } from '@flexdesk/shared-contracts';

export type RowDirection = 'horizontal' | 'vertical';

/** The "row of desks" tool's form. */
export interface DeskRowSpec {
  prefix: string;
  startNumber: number;
  step: number;
  count: number;
  /** Rows of `count` desks each: 2 with a row gap of 0 gives the usual back-to-back desk block. */
  rows: number;
  /** Space between rows. */
  rowGap: number;
  x: number;
  y: number;
  gap: number;
  direction: RowDirection;
  width: number;
  height: number;
  zoneId: string | null;
}

export const DEFAULT_DESK_ROW: DeskRowSpec = {
  prefix: '',
  startNumber: 1,
  step: 1,
  count: 10,
  rows: 1,
  rowGap: 0,
  x: 0,
  y: 0,
  gap: 0,
  direction: 'horizontal',
  width: 160,
  height: 80,
  zoneId: null,
};

export const MAX_ROW_COUNT = 500;

export type DeskRowProblem = 'count' | 'rows' | 'size' | 'gap' | 'step';

/** What is wrong with the form, before any desk is made; empty when it can be generated. */
export function deskRowProblems(spec: DeskRowSpec): DeskRowProblem[] {
  const problems: DeskRowProblem[] = [];
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_ROW_COUNT) problems.push('count');
  else if (!Number.isInteger(spec.rows) || spec.rows < 1 || spec.rows * spec.count > MAX_ROW_COUNT)
    problems.push('rows');
  if (!(spec.width > 0) || !(spec.height > 0)) problems.push('size');
  if (!Number.isFinite(spec.gap) || spec.gap < 0 || !Number.isFinite(spec.rowGap) || spec.rowGap < 0)
    problems.push('gap');
  if (!Number.isInteger(spec.step) || !Number.isInteger(spec.startNumber)) problems.push('step');
  return problems;
}

/**
 * Desks side by side (or one below the other), labelled prefix + number: `2.` with 1, step 1 gives
 * 2.1, 2.2, … Further rows follow beside the first, numbered on from where the previous row ended.
 * Ids come from `newId` so tests can predict them.
 */
export function deskRow(spec: DeskRowSpec, newId: () => string = () => crypto.randomUUID()): LayoutSpace[] {
  const horizontal = spec.direction === 'horizontal';
  const advance = (horizontal ? spec.width : spec.height) + spec.gap;
  const across = (horizontal ? spec.height : spec.width) + spec.rowGap;
  return Array.from({ length: spec.count * spec.rows }, (_, n) => {
    const row = Math.floor(n / spec.count);
    const i = n % spec.count;
    return {
      id: newId(),
      zoneId: spec.zoneId,
      kind: 'desk' as const,
      label: `${spec.prefix}${spec.startNumber + n * spec.step}`,
      x: spec.x + (horizontal ? i * advance : row * across),
      y: spec.y + (horizontal ? row * across : i * advance),
      width: spec.width,
      height: spec.height,
      rotation: 0,
      attributes: [],
      capacity: null,
      bookable: true,
      restrictedToGroupIds: [],
    };
  });
}
