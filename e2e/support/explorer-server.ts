import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, loadPublishedFigures, migrateToLatest, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../packages/server/src/build-server.js';
import { loadWebBuild } from '../../packages/server/src/web/web-build.js';
import { REPO_ROOT } from '../../test-support/shared.js';

export const WEB_BUILD = join(REPO_ROOT, 'packages', 'web', 'build');

export interface Explorer {
  /** http://127.0.0.1:PORT */
  url: string;
  app: FastifyInstance;
  /** The database the server runs on (to create the first studio user, as `fiw serve` does). */
  conn: Connection;
  /** A public API answer, as the pages fetch it. */
  api<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * What `fiw serve` runs on a new database — the API and the built web app in
 * one process on a new SQLite file seeded with FH's published figures (every
 * edition 1973–2025 at every granularity) — listening on a free loopback
 * port. Needs the web build (`npm run build`; `npm test` builds first).
 */
export async function startExplorer(): Promise<Explorer> {
  if (!existsSync(join(WEB_BUILD, 'server', 'entry-server.js'))) {
    throw new Error(`${WEB_BUILD} is missing: run npm run build before the browser tests`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'fiw-e2e-'));
  let conn: Connection | undefined;
  try {
    conn = connect(join(dir, 'explorer.db'));
    await migrateToLatest(conn);
    await loadPublishedFigures(conn);
    const app = await buildServer({ conn, web: await loadWebBuild(WEB_BUILD), closeDatabaseOnClose: true });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url,
      app,
      conn,
      async api<T>(path: string) {
        const res = await app.inject({ method: 'GET', url: path });
        if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
        return res.json() as T;
      },
      async close() {
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await conn?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
