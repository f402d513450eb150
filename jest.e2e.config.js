/**
 * Browser end-to-end tests: build the playground once, serve it locally, drive Debian's Chromium through
 * playwright-core. Needs /usr/bin/chromium (apt-get install -y chromium) and a CJK font (fonts-noto-cjk) for
 * readable screenshots. Screenshots go to test-artifacts/.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // One browser at a time: the machines are small and the build is shared.
  maxWorkers: 1,
  testTimeout: 240000,
};
