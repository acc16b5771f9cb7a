import { PasswordService, Role, UsersRepository } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { TestApi } from './api';

export const PASSWORD = 'a-long-and-uncommon-passphrase-42';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export interface SignedIn {
  id: string;
  email: string;
  role: Role;
  accessToken: string;
  refreshToken: string;
  auth: { Authorization: string };
}

export async function login(api: TestApi, email: string, password = PASSWORD): Promise<Omit<SignedIn, 'id' | 'role'>> {
  const res = await api.http.post('/api/auth/login').send({ email, password }).expect(200);
  const { accessToken, refreshToken } = res.body as { accessToken: string; refreshToken: string };
  return { email, accessToken, refreshToken, auth: { Authorization: `Bearer ${accessToken}` } };
}

/** A family member, registered and signed in through the api. */
export async function signUpFamily(api: TestApi, overrides: Record<string, unknown> = {}): Promise<SignedIn> {
  const email = uniqueEmail('family');
  const res = await api.http
    .post('/api/auth/register')
    .send({ email, password: PASSWORD, fullName: 'Олена Тестова', language: 'uk', ...overrides })
    .expect(201);
  return { id: (res.body as { id: string }).id, role: 'family', ...(await login(api, email)) };
}

/** A staff account written straight to the database (as an admin would create it), then signed in. */
export async function signInStaff(
  api: TestApi,
  role: Exclude<Role, 'family'>,
  fullName = `Test ${role}`,
): Promise<SignedIn> {
  const email = uniqueEmail(role);
  const passwords = api.app.get(PasswordService);
  const user = await api.app.get(UsersRepository).insertIfEmailFree({
    email,
    passwordHash: await passwords.hash(PASSWORD),
    fullName,
    phone: null,
    language: 'uk',
    role,
  });
  return { id: user!.id, role, ...(await login(api, email)) };
}
