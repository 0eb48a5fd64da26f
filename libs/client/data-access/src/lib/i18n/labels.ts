import { SPACE_ATTRIBUTES, type SpaceAttribute } from '@flexdesk/shared-contracts';
import type { I18n } from './i18n';

export function isKnownAttribute(value: string): value is SpaceAttribute {
  return (SPACE_ATTRIBUTES as readonly string[]).includes(value);
}

/** Attributes the facility team invented after this client was built are shown as they are. */
export function attributeLabel(i18n: I18n, attribute: string): string {
  return isKnownAttribute(attribute) ? i18n.t(`attr.${attribute}`) : attribute;
}
