/**
 * The environment variables the test-database helpers read (TEST_DATABASE_URL,
 * TEST_TIMESCALE_URL, CI, REQUIRE_TIMESCALE, FLEET_TEST_DB_TARGETS), read here only.
 */
export type TestEnv = Record<string, string | undefined>;

export function testEnv(): TestEnv {
  return process.env;
}
