import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry';

/**
 * Appends to the audit trail. Pass the transaction's entity manager so that an entry commits
 * (or rolls back) with the change it records. The table refuses UPDATE and DELETE.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  async recordMany(entries: AuditEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    const chunk = 5000;
    for (let i = 0; i < entries.length; i += chunk) {
      const part = entries.slice(i, i + chunk);
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, request_id, details)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
        [
          part.map((e) => e.actor.id),
          part.map((e) => e.actor.role),
          part.map((e) => e.action),
          part.map((e) => e.entity),
          part.map((e) => e.entityId ?? null),
          part.map((e) => e.requestId ?? null),
          part.map((e) => (e.details ? JSON.stringify(e.details) : null)),
        ],
      );
    }
  }
}
