import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { preparedQuery } from '@app/core';
import { setImmediate as endOfTurn } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry';

/**
 * The entries travel as one JSON array: PostgreSQL parses it once, where an array parameter of
 * JSON documents is escaped by the client and unescaped by the server entry by entry (about a
 * quarter of the database's cost of a search's entry, see docs/decisions.md).
 */
const INSERT_SQL = `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, request_id, details)
  SELECT actor_id, actor_role, action, entity, entity_id, request_id, details
    FROM jsonb_to_recordset($1::jsonb) AS e(actor_id uuid, actor_role text, action text, entity text, entity_id text, request_id text, details jsonb)`;
const CHUNK = 5000;

interface Waiter {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends to the audit trail. Pass the transaction's entity manager so that an entry commits
 * (or rolls back) with the change it records. The table refuses UPDATE and DELETE.
 *
 * Entries recorded outside a transaction (the reads of personal data) are written in groups:
 * one insert is in flight at a time, and everything recorded meanwhile goes into the next one.
 * A group is taken at the end of the event loop's turn, so that the entries of every request
 * served in that turn join it (the wait is the rest of the turn, work those requests do anyway).
 * Each caller still waits until its own entry has committed, so no data leaves the api before
 * its read is on the trail; under load, one commit serves many requests.
 */
@Injectable()
export class AuditService {
  private queue: Waiter[] = [];
  private flushing = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  async recordMany(entries: AuditEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (entries.length === 0) return;
    if (manager !== this.dataSource.manager) {
      for (let i = 0; i < entries.length; i += CHUNK)
        await preparedQuery(manager, 'audit.insert', INSERT_SQL, values(entries.slice(i, i + CHUNK)));
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        await endOfTurn();
        const group = this.queue;
        this.queue = [];
        try {
          await this.insert(group.flatMap((w) => w.entries));
          for (const w of group) w.resolve();
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          // One bad entry must not fail the others: each caller's entries alone.
          else for (const w of group) await this.insert(w.entries).then(w.resolve, w.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** All or nothing, so that a failed group can be retried caller by caller without doubles. */
  private async insert(entries: AuditEntry[]): Promise<void> {
    if (entries.length <= CHUNK) {
      await preparedQuery(this.dataSource, 'audit.insert', INSERT_SQL, values(entries));
      return;
    }
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < entries.length; i += CHUNK)
        await preparedQuery(m, 'audit.insert', INSERT_SQL, values(entries.slice(i, i + CHUNK)));
    });
  }
}

function values(part: AuditEntry[]): unknown[] {
  return [
    JSON.stringify(
      part.map((e) => ({
        actor_id: e.actor.id,
        actor_role: e.actor.role,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId ?? null,
        request_id: e.requestId ?? null,
        details: e.details ?? null,
      })),
    ),
  ];
}
