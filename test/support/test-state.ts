export interface TestState {
  databaseUrl: string;
  database: string;
  adminUrl: string | null;
  redisUrl: string;
  redisPrefix: string;
  embedded: { dataDir: string; port: number } | null;
}

export const STATE_VARIABLE = 'PORTAL_TEST_STATE';

/** Set by the global setup in the environment, which every test worker inherits. */
export function testState(): TestState {
  const raw = process.env[STATE_VARIABLE];
  if (!raw) throw new Error('The test global setup did not run');
  return JSON.parse(raw) as TestState;
}
