/**
 * What a failed query says about the database rather than about the query:
 * busy (another process holds SQLite's write lock) or unavailable (the
 * PostgreSQL server cannot be reached). Both are temporary, so the server
 * answers 503 with Retry-After instead of 500, and keeps serving what it can.
 */
export type DatabaseFault = 'busy' | 'unavailable';

/** Thrown when a write transaction could not take SQLite's write lock within its wait. */
export class DatabaseBusyError extends Error {
  /** The driver's code, so callers that retry on SQLITE_BUSY treat both alike. */
  readonly code = 'SQLITE_BUSY';

  constructor(waitedMs: number) {
    super(`another process holds the database's write lock (waited ${waitedMs} ms)`);
    this.name = 'DatabaseBusyError';
  }
}

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that mean "the server is not there for you": class 08
 * (connection exception), shutting down or starting up (57P01–57P03), too
 * many connections (53300).
 */
function unavailableState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** pg's own messages for a pool that cannot connect or a connection that died, which carry no code. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'connect ECONNREFUSED',
];

export function databaseFault(err: unknown): DatabaseFault | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') return 'busy';
    if (code === 'SQLITE_CANTOPEN' || NETWORK_CODES.has(code) || unavailableState(code)) return 'unavailable';
  }
  if (PG_CONNECTION_MESSAGES.some((m) => err.message.includes(m))) return 'unavailable';
  // AggregateError from a host that resolves to several addresses, all refusing.
  if (err instanceof AggregateError && err.errors.some((e) => databaseFault(e) === 'unavailable')) return 'unavailable';
  return null;
}
