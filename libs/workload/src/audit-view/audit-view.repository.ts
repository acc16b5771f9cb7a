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
  /** Entries about this case and lists that showed it (a time range is required: see the service). */
  caseId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * The audit actions of lists that record the ids of the cases they showed in `details.ids`: the
 * case list and search (cases context) and an exchange's linked cases (exchanges context).
 */
export const LISTS_OF_CASES = ['case.list', 'exchange.list_cases'];

/** Reads the append-only audit trail (the table refuses UPDATE, DELETE and TRUNCATE by trigger). */
@Injectable()
export class AuditViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    if (filter.caseId) {
      const id = `$${params.push(filter.caseId)}`;
      where.push(
        `((a.entity = 'case' AND a.entity_id = ${id}) OR ` +
          `(a.action = ANY($${params.push(LISTS_OF_CASES)}::text[]) AND a.details -> 'ids' ? ${id}))`,
      );
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
