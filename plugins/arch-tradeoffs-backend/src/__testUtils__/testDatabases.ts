import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL when a server is given through
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` (`.ci/run` starts Debian's). CI sets
 * `ARCH_TRADEOFFS_REQUIRE_POSTGRES=1` so that a missing server fails the run instead of silently
 * testing SQLite alone.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15', 'POSTGRES_14', 'SQLITE_3'],
  });
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (process.env.ARCH_TRADEOFFS_REQUIRE_POSTGRES && !ids.some(id => id.startsWith('POSTGRES'))) {
    throw new Error(
      'ARCH_TRADEOFFS_REQUIRE_POSTGRES is set but no BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is',
    );
  }
  return databases;
}
