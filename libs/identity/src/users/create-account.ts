import { DomainError } from '@app/core';
import { DataSource } from 'typeorm';
import { normaliseEmail } from '../auth/auth.service';
import { Role } from '../authz/roles';
import { PasswordService, passwordProblem } from '../password/password.service';

/**
 * Creates an account outside a request (first admin at start, the CLI, development demo data):
 * the same password policy, and an audit entry by the system.
 */
export async function createAccount(
  dataSource: DataSource,
  input: { email: string; password: string; fullName: string; role: Role; language?: 'uk' | 'en' },
): Promise<{ id: string }> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw DomainError.validation([{ field: 'password', rule: 'passwordPolicy', message: problem }]);
  const passwordHash = await new PasswordService().hash(input.password);
  return dataSource.transaction(async (m) => {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO users (email, password_hash, full_name, language, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash, input.fullName, input.language ?? 'uk', input.role],
    );
    if (rows.length === 0) throw new DomainError('conflict', 'An account with this e-mail already exists');
    await m.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, details) VALUES (NULL, 'system', 'user.create', 'user', $1, $2)`,
      [rows[0].id, JSON.stringify({ role: input.role })],
    );
    return rows[0];
  });
}
