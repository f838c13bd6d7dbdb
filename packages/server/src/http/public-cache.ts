import type { Representation } from './representation.js';

export interface PublicCacheOptions {
  /** Upper bound on cached bodies; least recently used ones go first. */
  maxEntries?: number;
  /** Upper bound on the bytes of cached bodies (uncompressed), so varied queries cannot exhaust memory. */
  maxBytes?: number;
  /** How long a known publication version is trusted before asking again. */
  versionTtlMs?: number;
  /** Upper bound on cached derived values (an edition's whole table is one). */
  maxValues?: number;
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
  private readonly values = new Map<string, unknown>();
  private readonly pendingValues = new Map<string, Promise<unknown>>();
  private readonly maxValues: number;
  private computed = 0;

  constructor(
    private readonly currentVersion: () => Promise<string>,
    options: PublicCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    // Half a second: another process's publish is served here within 1 s, for three cheap queries twice a second.
    this.versionTtlMs = options.versionTtlMs ?? 500;
    this.maxValues = options.maxValues ?? 200;
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
    this.computed++;
    const work = produce().finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    const made = await work;
    if (version === this.version) this.store(key, made);
    return made;
  }

  /**
   * A value derived from published data (an edition's whole ratings table),
   * computed once per key and publication version however many ask at once,
   * so that answers varying only in how they filter or sort it share one
   * computation instead of each being a cache entry of its own.
   */
  async value<T>(key: string, produce: () => Promise<T>): Promise<T> {
    try {
      await this.refreshVersion();
    } catch (err) {
      if (this.values.has(key)) return this.values.get(key) as T;
      throw err;
    }
    if (this.values.has(key)) {
      const hit = this.values.get(key) as T;
      this.values.delete(key);
      this.values.set(key, hit);
      return hit;
    }
    const inFlight = this.pendingValues.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const version = this.version;
    this.computed++;
    const work = produce().finally(() => this.pendingValues.delete(key));
    this.pendingValues.set(key, work);
    const made = await work;
    if (version === this.version) {
      this.values.set(key, made);
      if (this.values.size > this.maxValues) this.values.delete(this.values.keys().next().value as string);
    }
    return made;
  }

  /** Forget everything: called after a publish in this process. */
  invalidate(): void {
    this.clear();
    this.version = undefined;
    this.versionCheckedAt = 0;
  }

  /** Cached bodies and cached derived values. */
  get size(): number {
    return this.entries.size + this.values.size;
  }

  /** How many times a body or value was computed (cache misses): what the variant tests count. */
  get computations(): number {
    return this.computed;
  }

  private clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.pending.clear();
    this.values.clear();
    this.pendingValues.clear();
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
        if (v !== this.version) this.clear();
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
