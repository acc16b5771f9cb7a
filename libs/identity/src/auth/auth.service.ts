import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG, DomainError, RateLimiter } from '@app/core';
import { createHash } from 'node:crypto';
import { PasswordService, passwordProblem } from '../password/password.service';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { RegisterDto } from './dto/register.dto';
import { TokenPair, TokenService } from './token.service';

const BAD_CREDENTIALS = 'Wrong e-mail or password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(dto: RegisterDto, ip: string): Promise<UserEntity> {
    await this.limiter.consume(
      `register:ip:${ip}`,
      this.config.registerMaxPerIp,
      this.config.registerWindowSeconds,
      'Too many registrations from this address; try again later',
    );
    const email = normaliseEmail(dto.email);
    const problem = passwordProblem(dto.password, email);
    if (problem) throw DomainError.validation([{ field: 'password', rule: 'passwordPolicy', message: problem }]);
    const user = await this.users.insertIfEmailFree({
      email,
      passwordHash: await this.passwords.hash(dto.password),
      fullName: dto.fullName,
      phone: dto.phone ?? null,
      language: dto.language ?? 'uk',
      role: 'family',
    });
    if (!user) throw new DomainError('conflict', 'An account with this e-mail already exists');
    this.logger.log({ userId: user.id }, 'family account registered');
    return user;
  }

  /**
   * Checks a login. Failures are counted per account and per client address in Redis; past the
   * limit the answer is 429 with Retry-After until the window ends (never a permanent lock-out).
   */
  async verifyCredentials(rawEmail: string, password: string, ip: string): Promise<UserEntity> {
    const email = normaliseEmail(rawEmail);
    const accountKey = `login:account:${digest(email)}`;
    const ipKey = `login:ip:${ip}`;
    const [account, address] = await Promise.all([this.limiter.peek(accountKey), this.limiter.peek(ipKey)]);
    const blocked = [
      account.count >= this.config.loginMaxFailuresPerAccount ? account.retryAfterSeconds : 0,
      address.count >= this.config.loginMaxFailuresPerIp ? address.retryAfterSeconds : 0,
    ];
    const retryAfter = Math.max(...blocked);
    if (retryAfter > 0) {
      throw new DomainError('too_many_requests', 'Too many failed sign-ins; try again later', undefined, retryAfter);
    }
    const user = await this.users.findByEmail(email);
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      await Promise.all([
        this.limiter.hit(accountKey, this.config.loginWindowSeconds),
        this.limiter.hit(ipKey, this.config.loginWindowSeconds),
      ]);
      throw new DomainError('unauthenticated', BAD_CREDENTIALS);
    }
    await this.limiter.reset(accountKey);
    return user;
  }

  async login(user: UserEntity): Promise<TokenPair> {
    const pair = await this.tokens.startSession(user.id, user.role);
    this.logger.log({ userId: user.id }, 'signed in');
    return pair;
  }

  refresh(refreshToken: string): Promise<TokenPair> {
    return this.tokens.rotate(refreshToken, async (userId) => {
      const user = await this.users.findById(userId);
      return user?.active ? user.role : null;
    });
  }

  logout(sessionId: string): Promise<void> {
    return this.tokens.revokeSession(sessionId, 'logout');
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}
