import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countUsers, isNewDatabase } from '@freedom-ratings/db';
import {
  buildServer,
  closeOnSignals,
  createUser,
  loadWebBuild,
  parseProxyHops,
  type WebBuild,
} from '@freedom-ratings/server';
import { UserError } from '../errors.js';
import { databaseTarget, openMigrated } from './db.js';
import { seedIfNew } from './seed.js';

export interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  static?: string;
  /** Start a new database empty instead of loading Freedom House's published figures. */
  empty?: boolean;
}

/** The first account on a fresh database; its password is printed once and must be changed. */
const FIRST_ADMIN_EMAIL = 'admin@localhost';

/**
 * `fiw serve`: migrates, loads Freedom House's published figures into a new
 * database (unless `--empty`), makes sure someone can sign in, then serves
 * the API (and the web app's build, when there is one) until SIGTERM or Ctrl-C.
 */
export async function serveCommand(options: ServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(`--port must be a port number (0–65535), not "${options.port}"`);
  }
  let proxyHops: number;
  try {
    proxyHops = parseProxyHops(process.env.FIW_TRUST_PROXY);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
  const webRoot = options.static ? resolve(options.static) : defaultWebRoot();
  if (options.static && !existsSync(webRoot!)) throw new UserError(`--static: no directory ${options.static}`);
  let web: WebBuild | undefined;
  if (webRoot) {
    try {
      web = await loadWebBuild(webRoot);
    } catch (e) {
      throw new UserError(`--static: ${(e as Error).message}`);
    }
  }

  const { conn, applied } = await openMigrated(databaseTarget(options.db));
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (applied.length) say(`${conn.location}: applied migrations ${applied.join(', ')}`);

  if ((await countUsers(conn.db)) === 0) {
    const { password } = await createUser(conn.db, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin' });
    say(`Created the first user: ${FIRST_ADMIN_EMAIL} (admin). One-time password, shown only now:`);
    say(`    ${password}`);
    say('Sign in and change it (POST /api/v1/auth/password); add users with `fiw user add`.');
  }
  const seeded = options.empty ? null : await seedIfNew(conn);
  if (seeded) say(seeded);
  else if (options.empty && (await isNewDatabase(conn))) {
    say('The database holds no ratings yet. Load Freedom House’s published figures with `npx fiw db seed`,');
    say('or import FH’s files, for example:');
    say('    npx fiw import All_data_FIW_2013-2024.xlsx Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx');
  }

  const app = await buildServer({
    conn,
    closeDatabaseOnClose: true,
    web,
    proxyHops,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  closeOnSignals(app);
  let address: string;
  try {
    address = await app.listen({ port, host: options.host });
  } catch (e) {
    await app.close();
    throw new UserError(`cannot listen on ${options.host}:${port}: ${(e as Error).message}`);
  }
  say(
    web
      ? `Serving ${conn.location} at ${address}  (explorer: ${address}/  API docs: ${address}/api/docs)`
      : `Serving ${conn.location} at ${address}  (API docs: ${address}/api/docs; no web build, so no explorer)`,
  );
  return 0;
}

/**
 * The web app's build in the checkout this command runs from (the bundle
 * lives in packages/cli/bundle, the build in packages/web/build), when built.
 */
function defaultWebRoot(): string | undefined {
  const candidate = fileURLToPath(new URL('../../web/build', import.meta.url));
  return existsSync(resolve(candidate, 'server', 'entry-server.js')) ? candidate : undefined;
}
