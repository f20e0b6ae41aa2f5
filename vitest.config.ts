import { defineConfig } from 'vitest/config';

/** Template databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): only the projects that open a database. */
const databaseSetup = ['test/global-setup.ts'];

const config = defineConfig({
  test: {
    // Three projects, run one after the other (sequence.groupOrder): the pure tests first, for a fast answer.
    //   npm run test:unit  (= vitest run --project unit) is the quick loop; npm test runs all three.
    projects: [
      {
        // src/**: pure domain rules and pure server/web helpers. No database, no server, no module state shared
        // between files beyond memo caches, so they run in worker threads without isolation: one start-up, not 40.
        // A src test that needs a database does not belong here: put it under test/api.
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], pool: 'threads', isolate: false, maxWorkers: 1, sequence: { groupOrder: 0 } },
      },
      {
        // test/** (API tests through app.inject, on PGlite and PostgreSQL): one fork per file, two at a time.
        extends: true,
        test: { name: 'api', include: ['test/**/*.test.ts'], exclude: ['test/browser/**'], globalSetup: databaseSetup, sequence: { groupOrder: 1 } },
      },
      {
        // test/browser/** (chromium against the built UI and a real server): after the API tests, so that chromium's
        // waits never compete with the database suites for the CPU.
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: databaseSetup, sequence: { groupOrder: 2 } },
      },
    ],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { TZ: 'UTC' },
    // CI also writes a JSON report, from which .ci/run prints the plain “N passed, N failed” line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]] : ['default'],
  },
});

// A worker thread keeps the time zone of the process that started it, whatever `env` says (forks get `env` at
// start-up): give this process the tests' zone too, so that the unit project's threads run in it as the forks do.
const testZone = config.test?.env?.TZ;
if (testZone) process.env.TZ = testZone;

export default config;
