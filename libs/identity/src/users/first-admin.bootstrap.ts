import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@app/core';
import { UsersService } from './users.service';

/** With ADMIN_EMAIL and ADMIN_PASSWORD set and no active admin, creates the first admin at start. */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.adminEmail || !this.config.adminPassword) return;
    const outcome = await this.users.ensureFirstAdmin(this.config.adminEmail, this.config.adminPassword);
    if (outcome === 'created') this.logger.log('first admin account created from ADMIN_EMAIL');
  }
}
