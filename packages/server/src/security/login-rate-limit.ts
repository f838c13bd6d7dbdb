import { reserveLoginAttempt, settleLoginAttempt, type Connection, type LoginAttemptLimits } from '@freedom-ratings/db';
import { ApiError } from '../errors/api-error.js';
import { normaliseEmail } from './accounts.js';

export const DEFAULT_LOGIN_LIMITS: LoginAttemptLimits = {
  maxAttempts: 10,
  windowMs: 15 * 60 * 1000,
  maxInFlightPerAccount: 2,
  // An office behind one NAT address signs in at nine: more room than for one account, still no flood.
  maxInFlightPerAddress: 4,
  inFlightExpiryMs: 60 * 1000,
};

/**
 * Sign-ins this process works on at once (counting, hashing, settling), over
 * every account and address: more are refused at once, so a burst spread over
 * many accounts neither queues hashes nor the database pool behind it.
 */
export const MAX_SIGN_INS_IN_PROGRESS = 16;

/**
 * Limits password checks per account and per client address: at most
 * `maxAttempts` failed (or unfinished) ones in the window and a few at a
 * time. Every attempt is counted in the database before its password is
 * checked, so parallel guesses are counted as they come, several server
 * processes share one limit, and an attempt over the limit costs no hashing.
 */
export class LoginRateLimit {
  private inProgress = 0;
  private readonly inProgressBy = new Map<string, number>();

  constructor(
    private readonly conn: Connection,
    private readonly limits: LoginAttemptLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Counts an attempt, runs `check` (which verifies the password and throws
   * when it is wrong) and records how it ended. Throws `too-many-attempts`
   * (429, the wait in details and Retry-After) without running `check` when
   * the account or address is over its limit, or when this process is already
   * checking many sign-ins.
   */
  async attempt<T>(address: string, email: string, check: () => Promise<T>): Promise<T> {
    const account = normaliseEmail(email);
    const keys = [`account:${account}`, `address:${address}`];
    // This process's own counts refuse most of a burst before it costs a database round trip; the
    // database's are the ones every process shares.
    const localLimits = [this.limits.maxInFlightPerAccount, this.limits.maxInFlightPerAddress];
    if (
      this.inProgress >= MAX_SIGN_INS_IN_PROGRESS ||
      keys.some((key, i) => (this.inProgressBy.get(key) ?? 0) >= localLimits[i]!)
    ) {
      throw tooMany('Many sign-ins are being checked; try again in 1 s.', 1);
    }
    this.inProgress++;
    for (const key of keys) this.inProgressBy.set(key, (this.inProgressBy.get(key) ?? 0) + 1);
    try {
      return await this.counted(account, address, check);
    } finally {
      this.inProgress--;
      for (const key of keys) {
        const n = this.inProgressBy.get(key)! - 1;
        if (n === 0) this.inProgressBy.delete(key);
        else this.inProgressBy.set(key, n);
      }
    }
  }

  private async counted<T>(account: string, address: string, check: () => Promise<T>): Promise<T> {
    const reservation = await reserveLoginAttempt(this.conn, { account, address }, this.limits, this.now());
    if (!reservation.granted) {
      const wait = reservation.retryAfterSeconds;
      throw tooMany(
        reservation.reason === 'too-many-attempts'
          ? `Too many failed sign-ins; try again in ${wait} s.`
          : `Another sign-in to this account or from this address is being checked; try again in ${wait} s.`,
        wait,
      );
    }
    const settle = (outcome: 'failed' | 'succeeded') =>
      settleLoginAttempt(this.conn, reservation.attempt, outcome, {
        account,
        windowStart: new Date(this.now().getTime() - this.limits.windowMs),
      });
    let result: T;
    try {
      result = await check();
    } catch (e) {
      await settle('failed');
      throw e;
    }
    await settle('succeeded');
    return result;
  }
}

const tooMany = (message: string, retryAfterSeconds: number) =>
  new ApiError('too-many-attempts', message, { retryAfterSeconds });
