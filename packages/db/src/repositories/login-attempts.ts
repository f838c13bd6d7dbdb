import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Connection } from '../connect.js';
import type { Database } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';

/** The two things a sign-in attempt is counted against. */
export interface LoginSubjects {
  /** The normalised email. */
  account: string;
  address: string;
}

export interface LoginAttemptLimits {
  /** Attempts (failed or still being checked) per account and per address within the window. */
  maxAttempts: number;
  windowMs: number;
  /** Attempts being checked at the same time, per account and per address. */
  maxInFlightPerAccount: number;
  maxInFlightPerAddress: number;
  /** A pending attempt older than this no longer counts as in flight (its process died); it still counts as an attempt. */
  inFlightExpiryMs: number;
}

export type LoginReservation =
  | { granted: true; attempt: string }
  | { granted: false; reason: 'too-many-attempts' | 'too-many-in-flight'; retryAfterSeconds: number };

/**
 * Counts an attempt before its password is checked, atomically across every
 * process on the database: the counts are read and the attempt written in one
 * write transaction (SQLite's write lock; on PostgreSQL, advisory locks on
 * the two subjects), so parallel guesses cannot all pass a check that each
 * made before any of them was counted.
 */
export async function reserveLoginAttempt(
  conn: Connection,
  subjects: LoginSubjects,
  limits: LoginAttemptLimits,
  now: Date,
): Promise<LoginReservation> {
  const nowMs = now.getTime();
  const cutoff = new Date(nowMs - limits.windowMs).toISOString();
  const inFlightCutoff = new Date(nowMs - limits.inFlightExpiryMs).toISOString();
  const sides = [
    { scope: 'account' as const, subject: subjects.account, maxInFlight: limits.maxInFlightPerAccount },
    { scope: 'address' as const, subject: subjects.address, maxInFlight: limits.maxInFlightPerAddress },
  ];
  return inWriteTransaction(conn, async (db) => {
    if (conn.dialect === 'postgres') {
      // Sorted, so two transactions never take the same two locks in opposite orders.
      for (const key of sides.map((s) => `login:${s.scope}:${s.subject}`).sort()) {
        await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
      }
    }
    const refusals: Extract<LoginReservation, { granted: false }>[] = [];
    for (const side of sides) {
      await db
        .deleteFrom('login_attempts')
        .where('scope', '=', side.scope)
        .where('subject', '=', side.subject)
        .where('started_at', '<=', cutoff)
        .execute();
      const rows = await db
        .selectFrom('login_attempts')
        .select(['started_at', 'pending'])
        .where('scope', '=', side.scope)
        .where('subject', '=', side.subject)
        .orderBy('started_at', 'desc')
        .limit(Math.max(limits.maxAttempts, side.maxInFlight))
        .execute();
      if (rows.length >= limits.maxAttempts) {
        const oldest = Date.parse(rows[limits.maxAttempts - 1]!.started_at);
        const wait = Math.max(1, Math.ceil((oldest + limits.windowMs - nowMs) / 1000));
        refusals.push({ granted: false, reason: 'too-many-attempts', retryAfterSeconds: wait });
      } else if (rows.filter((r) => r.pending === 1 && r.started_at > inFlightCutoff).length >= side.maxInFlight) {
        refusals.push({ granted: false, reason: 'too-many-in-flight', retryAfterSeconds: 1 });
      }
    }
    // The longest wait decides: being over the limit outweighs a momentary crowd.
    if (refusals.length) return refusals.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0]!;
    const attempt = randomUUID();
    const startedAt = now.toISOString();
    await db
      .insertInto('login_attempts')
      .values(sides.map((s) => ({ attempt, scope: s.scope, subject: s.subject, started_at: startedAt, pending: 1 })))
      .execute();
    return { granted: true as const, attempt };
  });
}

/**
 * Ends a reserved attempt. `failed` keeps it counted; `succeeded` forgets it
 * and the account's earlier failures (not the address's), and sweeps attempts
 * older than the window.
 */
export async function settleLoginAttempt(
  conn: Connection,
  attempt: string,
  outcome: 'failed' | 'succeeded',
  settle: { account: string; windowStart: Date },
): Promise<void> {
  if (outcome === 'failed') {
    await conn.db.updateTable('login_attempts').set({ pending: 0 }).where('attempt', '=', attempt).execute();
    return;
  }
  await inWriteTransaction(conn, async (db: Kysely<Database>) => {
    await db.deleteFrom('login_attempts').where('attempt', '=', attempt).execute();
    await db
      .deleteFrom('login_attempts')
      .where('scope', '=', 'account')
      .where('subject', '=', settle.account)
      .where('pending', '=', 0)
      .execute();
    await db.deleteFrom('login_attempts').where('started_at', '<=', settle.windowStart.toISOString()).execute();
  });
}
