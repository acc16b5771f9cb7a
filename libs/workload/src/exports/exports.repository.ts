import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CaseExportFilter {
  status?: string[];
  assigneeId?: string;
  unassigned?: boolean;
  category?: string;
  overdue?: boolean;
}

export interface CaseExportRow {
  reference: string;
  id: string;
  status: string;
  category: string;
  surname: string;
  given_name: string;
  patronymic: string | null;
  date_of_birth: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  updated_at: Date;
  last_family_news_at: Date;
  days_without_news: number;
  overdue: boolean;
}

/** The filtered case list, read in keyset batches by reference for streaming. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  casesAfter(
    filter: CaseExportFilter,
    overdueDays: number,
    afterReference: string | null,
    limit: number,
  ): Promise<CaseExportRow[]> {
    const params: unknown[] = [overdueDays];
    const where: string[] = [];
    if (filter.status?.length) where.push(`c.status = ANY($${params.push(filter.status)}::text[])`);
    if (filter.assigneeId) where.push(`c.assignee_id = $${params.push(filter.assigneeId)}::uuid`);
    if (filter.unassigned) where.push(`c.assignee_id IS NULL`);
    if (filter.category) where.push(`c.category = $${params.push(filter.category)}`);
    if (filter.overdue) {
      where.push(`c.status NOT IN ('closed') AND c.last_family_news_at < now() - make_interval(days => $1)`);
    }
    if (afterReference !== null) where.push(`c.reference > $${params.push(afterReference)}`);
    params.push(limit);
    return this.dataSource.query(
      `SELECT c.reference, c.id, c.status, c.category, c.surname, c.given_name, c.patronymic,
              to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.assignee_id, u.full_name AS assignee_name,
              c.created_at, c.updated_at, c.last_family_news_at,
              floor(extract(epoch FROM now() - c.last_family_news_at) / 86400)::int AS days_without_news,
              (c.status NOT IN ('closed') AND c.last_family_news_at < now() - make_interval(days => $1)) AS overdue
         FROM cases c LEFT JOIN users u ON u.id = c.assignee_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.reference LIMIT $${params.length}`,
      params,
    );
  }
}
