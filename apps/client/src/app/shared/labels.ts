import { SPACE_ATTRIBUTES, type BookingStatus, type SpaceAttribute, type SpaceState } from '@flexdesk/shared-contracts';
import type { I18n } from '@flexdesk/client-data-access';

export function isKnownAttribute(value: string): value is SpaceAttribute {
  return (SPACE_ATTRIBUTES as readonly string[]).includes(value);
}

/** Attributes the facility team invented after this client was built are shown as they are. */
export function attributeLabel(i18n: I18n, attribute: string): string {
  return isKnownAttribute(attribute) ? i18n.t(`attr.${attribute}`) : attribute;
}

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
