import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  HealthController,
  LoggingModule,
  MetricsController,
  MetricsModule,
  RedisModule,
} from '@app/core';
import { CasesModule } from '@app/cases';
import { ExchangesModule } from '@app/exchanges';
import { IdentityModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { WorkloadModule } from '@app/workload';

/** The HTTP api: composes the bounded contexts; holds no rule of its own. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        MetricsModule,
        AuditModule,
        IdentityModule,
        CasesModule,
        NotificationsModule,
        ExchangesModule,
        WorkloadModule,
      ],
      controllers: [HealthController, MetricsController],
    };
  }
}
