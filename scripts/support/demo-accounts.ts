import { createAccount, PasswordService, Role } from '@app/identity';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  fullName: string;
}

const DEMO: Omit<DemoAccount, 'password'>[] = [
  { role: 'family', email: 'family@demo.local', fullName: 'Олена Демченко' },
  { role: 'caseworker', email: 'caseworker@demo.local', fullName: 'Ірина Кравець' },
  { role: 'council', email: 'council@demo.local', fullName: 'Петро Гнатюк' },
  { role: 'admin', email: 'admin@demo.local', fullName: 'Адміністратор' },
];

/**
 * One account per role for development. Passwords are random, made on first start, kept in
 * `file` (git-ignored) and set again if the file was lost.
 */
export async function ensureDemoAccounts(
  dataSource: DataSource,
  file: string,
): Promise<{ accounts: DemoAccount[]; created: boolean }> {
  const saved: DemoAccount[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : [];
  const accounts: DemoAccount[] = [];
  let created = false;
  for (const demo of DEMO) {
    const known = saved.find((a) => a.email === demo.email);
    const password = known?.password ?? `demo-${randomBytes(9).toString('base64url')}`;
    const rows: { id: string }[] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [demo.email]);
    if (rows.length === 0) {
      await createAccount(dataSource, { ...demo, password });
      created = true;
    } else if (!known) {
      await dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        rows[0].id,
        await new PasswordService().hash(password),
      ]);
      created = true;
    }
    accounts.push({ ...demo, password });
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return { accounts, created };
}
