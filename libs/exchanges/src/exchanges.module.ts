import { Module } from '@nestjs/common';
import { CasesModule } from '@app/cases';
import { ExchangesController } from './events/exchanges.controller';
import { ExchangesRepository } from './events/exchanges.repository';
import { ExchangesService } from './events/exchanges.service';
import { CaseLinksService } from './links/case-links.service';
import { ExchangeReportsController } from './reports/exchange-reports.controller';
import { ExchangeReportsRepository } from './reports/exchange-reports.repository';
import { ExchangeReportsService } from './reports/exchange-reports.service';
import { BatchesRepository } from './returnees/batches.repository';
import { CsvBodyParser } from './returnees/csv-body.parser';
import { ReconciliationService } from './returnees/reconciliation.service';
import { ReturneesController } from './returnees/returnees.controller';

/** The exchanges context's HTTP side: exchange events, case links, return lists and the year report. */
@Module({
  imports: [CasesModule],
  controllers: [ExchangesController, ReturneesController, ExchangeReportsController],
  providers: [
    ExchangesRepository,
    ExchangesService,
    CaseLinksService,
    BatchesRepository,
    ReconciliationService,
    CsvBodyParser,
    ExchangeReportsRepository,
    ExchangeReportsService,
  ],
})
export class ExchangesModule {}
