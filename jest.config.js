/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // An upper bound for a test stuck for good, not a speed target (speed is `npm run bench`): generous so a
  // loaded 2-core machine (LibreOffice round trips, million-row sheets) never fails a test that is only slow.
  testTimeout: 240000,
};
