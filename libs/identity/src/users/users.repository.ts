import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { preparedQuery } from '@app/core';
import { EntityManager, Repository } from 'typeorm';
import { Role } from '../authz/roles';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  passwordHash: string;
  fullName: string;
  phone: string | null;
  language: 'uk' | 'en';
  role: Role;
}

export interface SessionUserRow {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  language: 'uk' | 'en';
  active: boolean;
  revoked_at: Date | null;
  expires_at: Date;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  /** Inserts unless the e-mail is taken; null when it is. */
  async insertIfEmailFree(user: NewUser, manager: EntityManager = this.users.manager): Promise<UserEntity | null> {
    const rows: UserEntity[] = await manager.query(
      `INSERT INTO users (email, password_hash, full_name, phone, language, role)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [user.email, user.passwordHash, user.fullName, user.phone, user.language, user.role],
    );
    if (rows.length === 0) return null;
    return manager.getRepository(UserEntity).findOneByOrFail({ id: rows[0].id });
  }

  async anyActiveAdmin(): Promise<boolean> {
    return this.users.exists({ where: { role: 'admin', active: true } });
  }

  /** The user behind an access token, with the state of the token's session, in one query. */
  async findForSession(userId: string, sessionId: string): Promise<SessionUserRow | null> {
    // Every authenticated request runs this: prepared once per connection.
    const rows = await preparedQuery<SessionUserRow>(
      this.users.manager.connection,
      'identity.session-user',
      `SELECT u.id, u.email, u.full_name, u.role, u.language, u.active, s.revoked_at, s.expires_at
         FROM users u JOIN sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2`,
      [userId, sessionId],
    );
    return rows[0] ?? null;
  }

  async listPage(
    filter: { role?: Role; active?: boolean },
    after: [string, string] | null,
    limit: number,
  ): Promise<UserEntity[]> {
    // Millisecond precision on both sides: the cursor carries a JavaScript date.
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy(`date_trunc('milliseconds', u.created_at)`, 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    if (after)
      qb.andWhere(`(date_trunc('milliseconds', u.created_at), u.id) > (:at::timestamptz, :id::uuid)`, {
        at: after[0],
        id: after[1],
      });
    return qb.getMany();
  }

  async lockById(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    id: string,
    changes: Partial<Pick<UserEntity, 'role' | 'active'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, changes);
  }

  async countActiveAdminsExcept(id: string, manager: EntityManager): Promise<number> {
    const rows: { n: string }[] = await manager.query(
      `SELECT count(*) AS n FROM users WHERE role = 'admin' AND active AND id <> $1`,
      [id],
    );
    return Number(rows[0].n);
  }
}
