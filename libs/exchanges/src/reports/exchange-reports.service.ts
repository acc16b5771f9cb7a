import { Injectable } from '@nestjs/common';
import { ExchangeReportsRepository } from './exchange-reports.repository';
import { buildYearReport, YearReport } from './year-report';

@Injectable()
export class ExchangeReportsService {
  constructor(private readonly reports: ExchangeReportsRepository) {}

  async year(year: number): Promise<YearReport> {
    const [totals, links] = await Promise.all([
      this.reports.totals(year - 1, year),
      this.reports.linkedCases(year - 1, year),
    ]);
    return buildYearReport(year, totals, links);
  }
}
