import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type RevokeReason = 'logout' | 'reuse_detected' | 'deactivated' | 'expired';

export interface RefreshTokenRow {
  id: string;
  session_id: string;
  token_hash: Buffer;
  expires_at: Date;
  used_at: Date | null;
  user_id: string;
  session_revoked_at: Date | null;
  session_expires_at: Date;
}

/** Sessions (one per login) and their chain of single-use refresh tokens. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async createSession(m: EntityManager, id: string, userId: string, expiresAt: Date): Promise<void> {
    await m.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)`, [id, userId, expiresAt]);
  }

  async insertRefreshToken(
    m: EntityManager,
    id: string,
    sessionId: string,
    hash: Buffer,
    expiresAt: Date,
  ): Promise<void> {
    await m.query(`INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      id,
      sessionId,
      hash,
      expiresAt,
    ]);
  }

  async findRefreshTokenForUpdate(m: EntityManager, id: string): Promise<RefreshTokenRow | null> {
    const rows: RefreshTokenRow[] = await m.query(
      `SELECT t.id, t.session_id, t.token_hash, t.expires_at, t.used_at,
              s.user_id, s.revoked_at AS session_revoked_at, s.expires_at AS session_expires_at
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.id = $1
        FOR UPDATE OF t, s`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeSession(m: EntityManager, sessionId: string, reason: RevokeReason): Promise<void> {
    await m.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      reason,
    ]);
  }

  async revokeAllForUser(m: EntityManager, userId: string, reason: RevokeReason): Promise<void> {
    await m.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  /** Deletes sessions that expired or were revoked more than `graceDays` ago (their tokens go with them). */
  async pruneEnded(graceDays: number): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM sessions
          WHERE expires_at < now() - make_interval(days => $1)
             OR revoked_at < now() - make_interval(days => $1)
         RETURNING 1)
       SELECT count(*) AS n FROM gone`,
      [graceDays],
    );
    return Number(rows[0].n);
  }
}
