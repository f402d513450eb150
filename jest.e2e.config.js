/**
 * Browser end-to-end tests: build the playground once per run (test/e2e/support/global-setup.ts: every file reads
 * its folder from DT_PLAYGROUND_BUILD through playgroundBuild() in playground/node/harness.ts), serve it locally, drive Debian's Chromium through
 * playwright-core. Needs /usr/bin/chromium (apt-get install -y chromium) and a CJK font (fonts-noto-cjk) for
 * readable screenshots. Screenshots go to test-artifacts/.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // One browser at a time: the machines are small and the build is shared.
  maxWorkers: 1,
  testTimeout: 240000,
};
