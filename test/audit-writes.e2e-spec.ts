import { AuditService } from '@app/audit';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApi, TestApi } from './support/api';

describe('Audit entries written in groups (e2e)', () => {
  let api: TestApi;
  let audit: AuditService;
  let db: DataSource;

  beforeAll(async () => {
    api = await startTestApi();
    audit = api.app.get(AuditService);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api.close();
  });

  const entry = (requestId: string, actorId: string | null = null) => ({
    actor: { id: actorId, role: 'caseworker' },
    action: 'case.list',
    entity: 'case',
    requestId,
    details: { ids: [randomUUID()] },
  });

  async function written(requestIds: string[]): Promise<string[]> {
    const rows: { request_id: string }[] = await db.query(
      `SELECT request_id FROM audit_log WHERE request_id = ANY($1::text[]) ORDER BY request_id`,
      [requestIds],
    );
    return rows.map((r) => r.request_id);
  }

  it('writes every entry of many recorded at once, each caller resolving after its own is committed', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const committed = await Promise.all(ids.map((id) => audit.record(entry(id)).then(() => written([id]))));
    expect(committed).toEqual(ids.map((id) => [id]));
    expect(await written(ids)).toEqual([...ids].sort());
  });

  it('writes the entries recorded in one turn of the event loop with one commit', async () => {
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await Promise.all(ids.map((id) => audit.record(entry(id))));
    const [{ commits }]: { commits: number }[] = await db.query(
      `SELECT count(DISTINCT xmin::text)::int AS commits FROM audit_log WHERE request_id = ANY($1::text[])`,
      [ids],
    );
    expect(commits).toBe(1);
  });

  it('stores every field as given, absent ones as NULL', async () => {
    const [full, bare] = [randomUUID(), randomUUID()];
    const actorId = randomUUID();
    const caseId = randomUUID();
    await Promise.all([
      audit.record({
        actor: { id: actorId, role: 'council' },
        action: 'case.read',
        entity: 'case',
        entityId: caseId,
        requestId: full,
        details: { ids: [caseId], reason: 'it\'s "quoted" \\ and ünïcode' },
      }),
      audit.record({ actor: { id: null, role: null }, action: 'auth.login_failed', entity: 'user', requestId: bare }),
    ]);
    const rows = await db.query(
      `SELECT request_id, actor_id, actor_role, action, entity, entity_id, details, details IS NULL AS no_details,
              at > now() - interval '1 minute' AS recent
         FROM audit_log WHERE request_id = ANY($1::text[]) ORDER BY request_id = $2 DESC`,
      [[full, bare], full],
    );
    expect(rows).toEqual([
      {
        request_id: full,
        actor_id: actorId,
        actor_role: 'council',
        action: 'case.read',
        entity: 'case',
        entity_id: caseId,
        details: { ids: [caseId], reason: 'it\'s "quoted" \\ and ünïcode' },
        no_details: false,
        recent: true,
      },
      {
        request_id: bare,
        actor_id: null,
        actor_role: null,
        action: 'auth.login_failed',
        entity: 'user',
        entity_id: null,
        details: null,
        // SQL NULL, not the JSON document `null`.
        no_details: true,
        recent: true,
      },
    ]);
  });

  it('fails only the caller whose entry is refused, and writes the others of its group', async () => {
    const good = Array.from({ length: 6 }, () => randomUUID());
    const bad = randomUUID();
    const outcomes = await Promise.allSettled([
      ...good.slice(0, 3).map((id) => audit.record(entry(id))),
      audit.record(entry(bad, 'not-a-uuid')),
      ...good.slice(3).map((id) => audit.record(entry(id))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await written([...good, bad])).toEqual([...good].sort());
  });

  it('still writes inside a caller’s transaction, rolling back with it', async () => {
    const id = randomUUID();
    await expect(
      db.transaction(async (m) => {
        await audit.record(entry(id), m);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await written([id])).toEqual([]);
  });
});
