import { EntityManager } from 'typeorm';

export type OutboxEventType =
  | 'inquiry.received'
  | 'inquiry.linked'
  | 'inquiry.rejected'
  | 'inquiry.kinship_verified'
  | 'case.status_changed'
  | 'case.note_shared'
  | 'case.assigned'
  | 'case.exchange_outcome'
  | 'workload.overdue_reminder'
  | 'workload.overdue_digest';

export interface OutboxEvent {
  type: OutboxEventType;
  aggregateId: string;
  /** Ids and codes only; recipients and wording are decided when the message is delivered. */
  payload: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends events in the caller's transaction: they commit with the change that caused them, or
 * not at all. The notifications context relays them to the queue.
 */
export async function appendOutbox(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO outbox_events (type, aggregate_id, payload, request_id)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[], $4::text[])`,
    [
      events.map((e) => e.type),
      events.map((e) => e.aggregateId),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => e.requestId ?? null),
    ],
  );
}
