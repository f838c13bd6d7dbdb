import { withThousands } from './output/numbers.js';

/**
 * Progress on stderr, shown only once work has taken more than a second, so
 * quick commands stay quiet and scripts reading stdout are never disturbed.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.started < 1000 || now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.shown = true;
    const pct = this.total > 0 ? Math.floor((done / this.total) * 100) : 0;
    const line = `${this.label}: ${withThousands(done)}/${withThousands(this.total)} (${pct}%)`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else this.stream.write(`${line}\n`);
  }

  done(): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\r\u001b[K');
  }
}
