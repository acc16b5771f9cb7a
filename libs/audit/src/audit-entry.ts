export interface AuditActor {
  id: string | null;
  role: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId?: string | null;
  requestId?: string | null;
  /** Ids and field names only: never a person's name or other personal data. */
  details?: Record<string, unknown>;
}
