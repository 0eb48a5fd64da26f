const nxPreset = require('@nx/jest/preset').default;

// Component specs render Angular Material pages in jsdom; on a shared 2-core machine under load the
// first render of a spec file alone can take several seconds, so Jest's 5 s default made them flaky.
module.exports = { ...nxPreset, testTimeout: 30_000 };
