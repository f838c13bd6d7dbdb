import type { Representation } from './representation.js';

export interface PublicCacheOptions {
  /** Upper bound on cached bodies; least recently used ones go first. */
  maxEntries?: number;
  /** Upper bound on the bytes of cached bodies (uncompressed), so varied queries cannot exhaust memory. */
  maxBytes?: number;
  /** How long a known publication version is trusted before asking again. */
  versionTtlMs?: number;
}

/**
 * Cache of public responses, keyed by URL-like keys and tagged with the
 * publication version (which changes whenever an edition is published). It
 * only ever holds what public routes produced from published data, so it
 * cannot leak a draft; a publish in this process clears it at once, and one in
 * another process (several servers on one PostgreSQL) within `versionTtlMs`.
 * While the database does not answer, what it holds is served as it is
 * (stale-if-error) and only what it lacks fails.
 */
export class PublicCache {
  private readonly entries = new Map<string, Representation>();
  private readonly pending = new Map<string, Promise<Representation>>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private readonly versionTtlMs: number;
  private version: string | undefined;
  private versionCheckedAt = 0;
  private versionCheck: Promise<void> | undefined;
  private lastFailure: { err: unknown; at: number } | undefined;

  constructor(
    private readonly currentVersion: () => Promise<string>,
    options: PublicCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.versionTtlMs = options.versionTtlMs ?? 1000;
  }

  /** The cached representation for `key`, or the one `produce` makes (once, however many ask at the same time). */
  async get(key: string, produce: () => Promise<Representation>): Promise<Representation> {
    try {
      await this.refreshVersion();
    } catch (err) {
      // stale-if-error: what was published when the database last answered is still published; a draft
      // never gets here, so serving it while the database is away leaks nothing and keeps readers served.
      const stale = this.entries.get(key);
      if (stale) return stale;
      throw err;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const version = this.version;
    const work = produce().finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    const made = await work;
    if (version === this.version) this.store(key, made);
    return made;
  }

  /** Forget everything: called after a publish in this process. */
  invalidate(): void {
    this.entries.clear();
    this.bytes = 0;
    this.pending.clear();
    this.version = undefined;
    this.versionCheckedAt = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: Representation): void {
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.body.length;
    this.entries.set(key, value);
    this.bytes += value.body.length;
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)!.body.length;
      this.entries.delete(oldest);
    }
  }

  /** Bytes of the cached bodies, uncompressed. */
  get byteSize(): number {
    return this.bytes;
  }

  private async refreshVersion(): Promise<void> {
    if (this.version !== undefined && Date.now() - this.versionCheckedAt < this.versionTtlMs) return;
    // After a failed check, requests within the TTL fail at once instead of each waiting for the database again.
    if (this.lastFailure && Date.now() - this.lastFailure.at < this.versionTtlMs) throw this.lastFailure.err;
    this.versionCheck ??= this.currentVersion()
      .then((v) => {
        if (v !== this.version) {
          this.entries.clear();
          this.bytes = 0;
          this.pending.clear();
        }
        this.version = v;
        this.versionCheckedAt = Date.now();
        this.lastFailure = undefined;
      })
      .catch((err: unknown) => {
        this.lastFailure = { err, at: Date.now() };
        throw err;
      })
      .finally(() => {
        this.versionCheck = undefined;
      });
    await this.versionCheck;
  }
}
