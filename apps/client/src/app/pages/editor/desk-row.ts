import type { LayoutSpace } from '@flexdesk/shared-contracts';

export type RowDirection = 'horizontal' | 'vertical';

/** The "row of desks" tool's form. */
export interface DeskRowSpec {
  prefix: string;
  startNumber: number;
  step: number;
  count: number;
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
  x: 0,
  y: 0,
  gap: 0,
  direction: 'horizontal',
  width: 160,
  height: 80,
  zoneId: null,
};

export const MAX_ROW_COUNT = 500;

export type DeskRowProblem = 'count' | 'size' | 'gap' | 'step';

/** What is wrong with the form, before any desk is made; empty when it can be generated. */
export function deskRowProblems(spec: DeskRowSpec): DeskRowProblem[] {
  const problems: DeskRowProblem[] = [];
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_ROW_COUNT) problems.push('count');
  if (!(spec.width > 0) || !(spec.height > 0)) problems.push('size');
  if (!Number.isFinite(spec.gap) || spec.gap < 0) problems.push('gap');
  if (!Number.isInteger(spec.step) || !Number.isInteger(spec.startNumber)) problems.push('step');
  return problems;
}

/**
 * Desks side by side (or one below the other), labelled prefix + number: `2.` with 1, step 1 gives
 * 2.1, 2.2, … Ids come from `newId` so tests can predict them.
 */
export function deskRow(spec: DeskRowSpec, newId: () => string = () => crypto.randomUUID()): LayoutSpace[] {
  const advance = (spec.direction === 'horizontal' ? spec.width : spec.height) + spec.gap;
  return Array.from({ length: spec.count }, (_, i) => ({
    id: newId(),
    zoneId: spec.zoneId,
    kind: 'desk' as const,
    label: `${spec.prefix}${spec.startNumber + i * spec.step}`,
    x: spec.direction === 'horizontal' ? spec.x + i * advance : spec.x,
    y: spec.direction === 'vertical' ? spec.y + i * advance : spec.y,
    width: spec.width,
    height: spec.height,
    rotation: 0,
    attributes: [],
    capacity: null,
    bookable: true,
    restrictedToGroupIds: [],
  }));
}
