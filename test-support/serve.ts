import { spawn } from 'node:child_process';
import { FIW } from './cli.js';

/** A running `fiw serve`: where it listens, what it printed, and how to stop it. */
export interface ServeProcess {
  url: string;
  pid: number;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the built `fiw serve` as a child process on a free port; resolves once it says where it listens.
 * `command` lets a benchmark run a private copy of the bundle, so a rebuild elsewhere mid-run changes nothing.
 */
export function startServe(
  target: string,
  args: string[] = ['--empty'],
  env: NodeJS.ProcessEnv = {},
  command: string = FIW,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [command, 'serve', '--port', '0', '--db', target, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fiw serve did not start: ${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /Serving .* at (http:\/\/[\d.:]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          pid: child.pid!,
          stderr: () => stderr,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.on('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`fiw serve exited with ${code}: ${stderr}`)));
  });
}
