/**
 * Counts failed logins per client address and per email in a sliding window
 * and refuses further attempts once either passes the limit, which stops
 * guessing one account from many addresses as well as many accounts from one.
 * In memory: with several server processes each enforces its own limit, which
 * still bounds guessing to a small multiple.
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfter(address: string, email: string): number {
    const waits = [this.keyFor('ip', address), this.keyFor('email', email)].map((key) => this.waitFor(key));
    return Math.max(...waits);
  }

  recordFailure(address: string, email: string): void {
    for (const key of [this.keyFor('ip', address), this.keyFor('email', email)]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  /** A successful login clears the account's count, not the address's. */
  recordSuccess(email: string): void {
    this.failures.delete(this.keyFor('email', email));
  }

  private keyFor(kind: string, value: string): string {
    return `${kind}:${value.toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  private waitFor(key: string): number {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return 0;
    const oldest = list[list.length - this.maxFailures]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
