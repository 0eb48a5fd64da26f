import type { BookingStatus, SpaceState } from '@flexdesk/shared-contracts';

/** Shapes that differ without colour; always shown next to the state's name. */
export const STATE_SYMBOLS: Record<SpaceState, string> = {
  free: '✓',
  partial: '◐',
  booked: '✕',
  mine: '★',
  unavailable: '⊘',
};

export const STATUS_SYMBOLS: Record<BookingStatus, string> = {
  confirmed: '✓',
  checked_in: '★',
  cancelled: '✕',
  released: '⊘',
};
