/* Unit specs beside the code, integration specs (real migrated PostgreSQL) under test/. */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
  // Integration files share one database server in CI; they run one after another.
  maxWorkers: 1,
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/apps/api',
};
