import { Module } from '@nestjs/common';
import { CaseStatusService } from './cases/case-status.service';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { InquiriesController } from './inquiries/inquiries.controller';
import { InquiriesRepository } from './inquiries/inquiries.repository';
import { InquiriesService } from './inquiries/inquiries.service';
import { CaseSearchService } from './search/case-search.service';
import { NameSearchRepository } from './search/name-search.repository';

/** Inquiries and cases: one context, since each needs the other (a case holds inquiries; a timeline reads the case). */
@Module({
  controllers: [InquiriesController, CasesController],
  providers: [
    InquiriesRepository,
    InquiriesService,
    CasesRepository,
    CasesService,
    CaseStatusService,
    CaseSearchService,
    NameSearchRepository,
  ],
  exports: [CasesRepository, CaseStatusService, CaseSearchService, InquiriesRepository],
})
export class CasesModule {}
