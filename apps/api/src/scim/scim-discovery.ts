import { SCIM } from './scim-resources';

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const USER_SCHEMA = {
  id: SCIM.user,
  name: 'User',
  description: 'A person who books desks',
  attributes: [
    attribute('userName', 'string', {
      required: true,
      uniqueness: 'server',
      description: 'The e-mail address people sign in with',
    }),
    attribute('displayName', 'string'),
    attribute('name', 'complex', {
      subAttributes: [
        attribute('formatted', 'string'),
        attribute('givenName', 'string'),
        attribute('familyName', 'string'),
      ],
    }),
    attribute('emails', 'complex', {
      multiValued: true,
      subAttributes: [attribute('value', 'string'), attribute('type', 'string'), attribute('primary', 'boolean')],
    }),
    attribute('active', 'boolean', { description: 'false offboards: sessions end, future bookings are cancelled' }),
    attribute('externalId', 'string', { caseExact: true }),
    attribute('groups', 'complex', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [attribute('value', 'string'), attribute('display', 'string')],
    }),
  ],
  meta: { resourceType: 'Schema', location: `/Schemas/${SCIM.user}` },
};

const GROUP_SCHEMA = {
  id: SCIM.group,
  name: 'Group',
  description: 'A team or department; zones can be restricted to it',
  attributes: [
    attribute('displayName', 'string', { required: true, uniqueness: 'server' }),
    attribute('externalId', 'string', { caseExact: true }),
    attribute('members', 'complex', {
      multiValued: true,
      subAttributes: [attribute('value', 'string'), attribute('display', 'string')],
    }),
  ],
  meta: { resourceType: 'Schema', location: `/Schemas/${SCIM.group}` },
};

const list = (resources: unknown[]) => ({
  schemas: [SCIM.list],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

/** What the server supports (RFC 7643 §5–7): read by clients before they provision. */
export const SCIM_DISCOVERY = {
  serviceProviderConfig: {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: 'https://github.com/flexdesk/flexdesk#people-and-sign-in',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The SCIM_TOKEN configured on the server',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: '/ServiceProviderConfig' },
  },
  resourceTypes: list([
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: SCIM.user,
      meta: { resourceType: 'ResourceType', location: '/ResourceTypes/User' },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      schema: SCIM.group,
      meta: { resourceType: 'ResourceType', location: '/ResourceTypes/Group' },
    },
  ]),
  schemas: list([USER_SCHEMA, GROUP_SCHEMA]),
};
