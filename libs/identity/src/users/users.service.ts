import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { decodeCursor, DEFAULT_PAGE_SIZE, DomainError, Page, toPage } from '@app/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseEmail } from '../auth/auth.service';
import { SessionCache } from '../auth/session-cache';
import { SessionsRepository } from '../auth/sessions.repository';
import { AuthUser } from '../authz/auth-user';
import { isStaff, StaffRole } from '../authz/roles';
import { PasswordService, passwordProblem } from '../password/password.service';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { toUserResponse, UserResponse } from './dto/user.response';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { createAccount } from './create-account';

/** Staff accounts, managed by admins. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly sessionCache: SessionCache,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async createStaff(actor: AuthUser, dto: CreateUserDto): Promise<UserEntity> {
    const email = normaliseEmail(dto.email);
    const problem = passwordProblem(dto.password, email);
    if (problem) throw DomainError.validation([{ field: 'password', rule: 'passwordPolicy', message: problem }]);
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (m) => {
      const user = await this.users.insertIfEmailFree(
        {
          email,
          passwordHash,
          fullName: dto.fullName,
          phone: dto.phone ?? null,
          language: dto.language ?? 'uk',
          role: dto.role,
        },
        m,
      );
      if (!user) throw new DomainError('conflict', 'An account with this e-mail already exists');
      await this.audit.record(
        {
          actor,
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          requestId: actor.requestId,
          details: { role: dto.role },
        },
        m,
      );
      return user;
    });
  }

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await this.users.listPage({ role: query.role, active: query.active }, after, limit);
    return toPage(rows, limit, toUserResponse, (u) => [u.createdAt.toISOString(), u.id]);
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    if (dto.role === undefined && dto.active === undefined) {
      throw DomainError.validation([{ field: 'body', rule: 'notEmpty', message: 'send role, active or both' }]);
    }
    const updated = await this.dataSource.transaction(async (m) => {
      const user = await this.users.lockById(id, m);
      if (!user) throw DomainError.notFound('User');
      if (dto.role !== undefined && !isStaff(user.role)) {
        throw new DomainError(
          'unprocessable',
          'A family account cannot be given a staff role; create a staff account instead',
        );
      }
      if (user.id === actor.id && (dto.active === false || (dto.role !== undefined && dto.role !== 'admin'))) {
        throw new DomainError('unprocessable', 'You cannot deactivate or demote your own account');
      }
      const changes: { role?: StaffRole; active?: boolean } = {};
      if (dto.role !== undefined && dto.role !== user.role) changes.role = dto.role;
      if (dto.active !== undefined && dto.active !== user.active) changes.active = dto.active;
      if (Object.keys(changes).length === 0) return user;
      await this.users.update(id, changes, m);
      if (changes.active === false) await this.sessions.revokeAllForUser(m, id, 'deactivated');
      await this.audit.record(
        {
          actor,
          action:
            changes.active === false ? 'user.deactivate' : changes.active ? 'user.reactivate' : 'user.change_role',
          entity: 'user',
          entityId: id,
          requestId: actor.requestId,
          details: { from: { role: user.role, active: user.active }, to: changes },
        },
        m,
      );
      this.logger.log({ userId: id, changes }, 'account changed');
      return (await this.users.lockById(id, m))!;
    });
    // Committed: every api process forgets the account's checked sessions before its next request.
    await this.sessionCache.invalidateUser(id);
    return updated;
  }

  /** Creates an admin when none is active (start-up with ADMIN_EMAIL/ADMIN_PASSWORD). */
  async ensureFirstAdmin(email: string, password: string): Promise<'created' | 'exists'> {
    if (await this.users.anyActiveAdmin()) return 'exists';
    await this.createAdmin(email, password, 'Administrator');
    return 'created';
  }

  /** Creates an admin account (the CLI and ADMIN_EMAIL at start). */
  createAdmin(email: string, password: string, fullName: string): Promise<{ id: string }> {
    return createAccount(this.dataSource, { email, password, fullName, role: 'admin' });
  }
}
