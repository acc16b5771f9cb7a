import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { YearLinksRow, YearTotalsRow } from './year-report';

/** Aggregates over exchanges by calendar year (GROUP BY, never hydrated rows). */
@Injectable()
export class ExchangeReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async totals(fromYear: number, toYear: number): Promise<YearTotalsRow[]> {
    return this.dataSource.query(
      `SELECT extract(year FROM date)::int AS year, count(*)::int AS exchanges,
              sum(announced_military)::int AS military, sum(announced_civilian)::int AS civilian,
              sum(announced_bodies)::int AS bodies
         FROM exchange_events
        WHERE date >= make_date($1, 1, 1) AND date < make_date($2 + 1, 1, 1)
        GROUP BY 1`,
      [fromYear, toYear],
    );
  }

  /** Distinct cases per outcome; a case merged away counts through the surviving case only. */
  async linkedCases(fromYear: number, toYear: number): Promise<YearLinksRow[]> {
    return this.dataSource.query(
      `SELECT extract(year FROM e.date)::int AS year, l.outcome, count(DISTINCT l.case_id)::int AS cases
         FROM exchange_events e
         JOIN exchange_case_links l ON l.exchange_id = e.id
         JOIN cases c ON c.id = l.case_id AND c.merged_into_id IS NULL
        WHERE e.date >= make_date($1, 1, 1) AND e.date < make_date($2 + 1, 1, 1)
        GROUP BY 1, 2`,
      [fromYear, toYear],
    );
  }
}
