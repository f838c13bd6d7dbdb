import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './shared.js';

/** The installed command, run as a user runs it: a separate process on the built bundle. */
export const FIW = join(REPO_ROOT, 'packages/cli/bin/fiw.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function fiw(
  args: string[],
  options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  const r = spawnSync(process.execPath, [FIW, ...args], {
    input: options.input,
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
