import type { SpaceState } from '@flexdesk/shared-contracts';

/** Light fills so the dark symbols and labels on top keep their contrast. */
export const STATE_FILL: Record<SpaceState, string> = {
  free: '#c8e6c9',
  partial: '#ffe9a8',
  booked: '#ffcdd2',
  mine: '#bbdefb',
  unavailable: '#e0e0e0',
};

/** Outline and symbol colour; each at least 4.5:1 against its fill. */
export const STATE_INK: Record<SpaceState, string> = {
  free: '#1b5e20',
  partial: '#6d4c00',
  booked: '#8e0000',
  mine: '#0d3c8a',
  unavailable: '#424242',
};

export const DIMMED_OPACITY = 0.25;
export const SELECTION_COLOR = '#111111';
export const FOCUS_COLOR = '#005fcc';
