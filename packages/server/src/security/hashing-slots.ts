import { availableParallelism } from 'node:os';

/**
 * A FIFO limit on how many password hashes run at once in this process.
 * scrypt runs on libuv's small thread pool (4 threads), which compression
 * and file reads share: a burst of sign-ins queued there unchecked would make
 * every other request, and a valid sign-in behind the burst, wait seconds.
 * (The sign-in limit keeps the queue short: see MAX_SIGN_INS_IN_PROGRESS.)
 */
export class HashingSlots {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly capacity: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.capacity) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next in line, so `running` stays put.
      if (next) next();
      else this.running--;
    }
  }
}

/** Half the cores (at least 2, at most 4): the rest, and the pool's other threads, keep serving. */
export const HASHING_SLOTS = new HashingSlots(Math.min(4, Math.max(2, Math.floor(availableParallelism() / 2))));
