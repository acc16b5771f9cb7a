import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
  cursor_at: string;
}

export interface AuditFilter {
  actorId?: string;
  entity?: string;
  entityId?: string;
  /** Entries about these cases and reads that showed them (a time range is required: see the service). */
  caseIds?: string[];
  action?: string;
  from?: string;
  to?: string;
}

/**
 * The audit actions of reads that showed several cases, with the `details` key under which each
 * records the ids of the cases it showed: the case list and search (cases context), an exchange's
 * linked cases and a returnee list's candidate cases (exchanges context).
 */
export const READS_OF_SEVERAL_CASES: Readonly<Record<string, string>> = {
  'case.list': 'ids',
  'exchange.list_cases': 'ids',
  'exchange.read_batch': 'caseIds',
};

/** Reads the append-only audit trail (the table refuses UPDATE, DELETE and TRUNCATE by trigger). */
@Injectable()
export class AuditViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case and every case merged into it, directly or through others: one person's records. */
  async withMergedCases(caseId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE person AS (
         SELECT id FROM cases WHERE id = $1
         UNION SELECT c.id FROM cases c JOIN person p ON c.merged_into_id = p.id
       ) SELECT id::text AS id FROM person`,
      [caseId],
    );
    return rows.length > 0 ? rows.map((r) => r.id) : [caseId];
  }

  /**
   * Newest first, keyset on (at, id): served by audit_log_at, audit_log_actor or audit_log_entity.
   * A case's lists are found by reading the entries of the time range (no index on the ids shown:
   * it would cost every search more than this occasional question does).
   */
  listPage(filter: AuditFilter, after: [string, string] | null, limit: number): Promise<AuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.actorId) where.push(`a.actor_id = $${params.push(filter.actorId)}::uuid`);
    if (filter.entity) where.push(`a.entity = $${params.push(filter.entity)}`);
    if (filter.entityId) where.push(`a.entity_id = $${params.push(filter.entityId)}`);
    if (filter.caseIds) {
      const ids = `$${params.push(filter.caseIds)}::text[]`;
      const lists = Object.entries(READS_OF_SEVERAL_CASES).map(
        ([action, key]) => `(a.action = '${action}' AND a.details -> '${key}' ?| ${ids})`,
      );
      where.push(`((a.entity = 'case' AND a.entity_id = ANY(${ids})) OR ${lists.join(' OR ')})`);
    }
    if (filter.action) where.push(`a.action = $${params.push(filter.action)}`);
    if (filter.from) where.push(`a.at >= $${params.push(filter.from)}::timestamptz`);
    if (filter.to) where.push(`a.at < $${params.push(filter.to)}::timestamptz`);
    if (after) {
      where.push(`(a.at, a.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::bigint)`);
    }
    params.push(limit + 1);
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.at::text AS cursor_at, a.actor_id, a.actor_role, a.action, a.entity,
              a.entity_id, a.request_id, a.details
         FROM audit_log a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
