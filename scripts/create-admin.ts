import 'reflect-metadata';
import { ConfigError, dataSourceOptions, DomainError, loadConfig } from '@app/core';
import { createAccount } from '@app/identity';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

const USAGE = `Usage: npm run create-admin -- --email admin@example.org [--name "Full Name"]
The password is read from ADMIN_PASSWORD, or from the first line of standard input.`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.email) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  // The password may come in ADMIN_PASSWORD alone here: the pair rule is for the api's start-up.
  const config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  const password = await readPassword();
  const dataSource = await new DataSource({
    ...dataSourceOptions(config, 'portal-cli'),
    extra: { max: 1 },
  }).initialize();
  try {
    const admin = await createAccount(dataSource, {
      email: values.email,
      password,
      fullName: values.name ?? 'Administrator',
      role: 'admin',
    });
    console.log(`Admin account created: ${admin.id}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof DomainError)
    console.error(`Refused: ${error.message}${error.details ? ` (${JSON.stringify(error.details)})` : ''}`);
  else console.error(`Failed: ${(error as Error).message}`);
  process.exit(1);
});
