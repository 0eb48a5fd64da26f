import baseConfig from '../../eslint.config.mjs';
import featureBoundaries from '../../tools/eslint/feature-boundaries.mjs';

/**
 * The API's feature folders and what each may import. Infrastructure folders may be imported by
 * anyone and import no feature. The table must stay acyclic (the rule refuses to run otherwise),
 * so no two features can ever depend on each other. README "Architecture" shows the same graph.
 */
const API_FEATURES = {
  health: [],
  audit: [],
  users: [],
  auth: ['users', 'audit', 'events'],
  people: ['auth', 'users', 'audit'],
  scim: ['people', 'audit'],
  buildings: ['audit'],
  backgrounds: ['audit'],
  floors: ['buildings', 'backgrounds', 'audit'],
  bookings: ['users', 'audit'],
  availability: ['floors', 'buildings', 'bookings'],
  reception: ['buildings', 'audit'],
  calendar: ['bookings', 'users', 'auth'],
  events: [],
  favourites: [],
  colleagues: ['bookings', 'users'],
  assignments: ['audit', 'bookings'],
  waitlist: ['bookings', 'users', 'events'],
  jobs: ['backgrounds', 'bookings', 'waitlist', 'notifications', 'insights'],
  notifications: ['events', 'calendar', 'auth'],
  seed: ['auth', 'backgrounds'],
  insights: [],
  privacy: [],
};
const API_INFRASTRUCTURE = ['common', 'config', 'database', 'access', 'openapi', 'metrics'];

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    plugins: { flexdesk: featureBoundaries },
    rules: {
      'flexdesk/feature-boundaries': [
        'error',
        { root: 'src', infrastructure: API_INFRASTRUCTURE, features: API_FEATURES },
      ],
    },
  },
  {
    // HOUSE_STYLE rule 12: one door for settings and logs. (Tests may set TZ for a case.)
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through the config module (HOUSE_STYLE rule 12).',
        },
        {
          selector: "CallExpression[callee.object.name='console']",
          message: 'Use a Nest Logger, not console (HOUSE_STYLE rule 12).',
        },
      ],
    },
  },
];
