import { Injectable } from '@nestjs/common';
import { Invalidations } from '@app/core';
import { SessionUserRow } from '../users/users.repository';

/** How long a checked session is trusted without asking the database again. */
const TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;
const TOPIC = 'sessions';

/**
 * Remembers, for a few seconds, the account and session behind an access token, so that a busy
 * caseworker's requests do not each ask the database. Every logout, revoked session, deactivation
 * and role change is published (after it commits) to every api process, which drops the entry at
 * once. The cache is used only while this process is subscribed to those messages: while Redis is
 * away every request checks the database, so a change never waits for the time-to-live; the TTL
 * only bounds a change made behind the api's back (SQL).
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionUserRow; userId: string; at: number }>();
  /** Moves on every invalidation and every change of the subscription: a read that began before it is not kept. */
  private generation = 0;

  constructor(private readonly invalidations: Invalidations) {
    invalidations.on(TOPIC, (message) => this.drop(message));
    invalidations.onReset(() => {
      this.generation++;
      this.entries.clear();
    });
  }

  /** Whether the cache is in use: subscribed to invalidations in Redis. */
  get live(): boolean {
    return this.invalidations.live;
  }

  /** The cached row for this session and account, if the cache is live and holds a fresh one. */
  get(userId: string, sessionId: string): SessionUserRow | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry || entry.userId !== userId) return undefined;
    if (Date.now() - entry.at >= TTL_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.row;
  }

  /** Call before reading from the database; pass the result to `put`. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a row read from the database, unless anything was invalidated since `mark`. */
  put(userId: string, sessionId: string, row: SessionUserRow, mark: number): void {
    if (!this.live || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { row, userId, at: Date.now() });
  }

  /** After a committed change to an account (deactivation, role): drops its sessions everywhere. */
  invalidateUser(userId: string): Promise<void> {
    return this.invalidations.publish(TOPIC, `u:${userId}`);
  }

  /** After a committed revocation of one session (logout, refresh-token reuse). */
  invalidateSession(sessionId: string): Promise<void> {
    return this.invalidations.publish(TOPIC, `s:${sessionId}`);
  }

  private drop(message: string): void {
    this.generation++;
    const id = message.slice(2);
    if (message.startsWith('s:')) this.entries.delete(id);
    else if (message.startsWith('u:')) {
      for (const [sessionId, entry] of this.entries) if (entry.userId === id) this.entries.delete(sessionId);
    } else this.entries.clear();
  }
}
