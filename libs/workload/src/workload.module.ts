import { Module } from '@nestjs/common';
import { AuditViewController } from './audit-view/audit-view.controller';
import { AuditViewRepository } from './audit-view/audit-view.repository';
import { AuditViewService } from './audit-view/audit-view.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsRepository } from './contacts/contacts.repository';
import { ContactsService } from './contacts/contacts.service';
import { ExportsController } from './exports/exports.controller';
import { ExportsRepository } from './exports/exports.repository';
import { ExportsService } from './exports/exports.service';
import { RebalancingController } from './rebalancing/rebalancing.controller';
import { RebalancingRepository } from './rebalancing/rebalancing.repository';
import { RebalancingService } from './rebalancing/rebalancing.service';
import { WorkloadController } from './workload/workload.controller';
import { WorkloadRepository } from './workload/workload.repository';
import { WorkloadService } from './workload/workload.service';

/**
 * The workload context's HTTP side: the council's view of the load, contacts with families (the
 * no-news clock), bulk rebalancing and suggestions, CSV exports and the audit view. It reads the
 * cases context's tables with its own SQL and writes cases only to change their holder or clock.
 */
@Module({
  controllers: [WorkloadController, RebalancingController, ExportsController, ContactsController, AuditViewController],
  providers: [
    WorkloadRepository,
    WorkloadService,
    RebalancingRepository,
    RebalancingService,
    ExportsRepository,
    ExportsService,
    ContactsRepository,
    ContactsService,
    AuditViewRepository,
    AuditViewService,
  ],
})
export class WorkloadModule {}
