import {
  ImportRefusedError,
  isNewDatabase,
  loadPublishedFigures,
  PublishedFiguresFileError,
  type Connection,
  type PublishedFiguresLoad,
} from '@freedom-ratings/db';
import { UserError } from '../errors.js';
import { withThousands } from '../output/numbers.js';
import { databaseTarget, openMigrated } from './db.js';

/** The one line saying what loading the bundled figures did. */
export function describeSeedLoad({ document, summary }: PublishedFiguresLoad, seconds: number): string {
  const { first, last, count } = document.editions;
  const what = `Freedom House's published figures, FIW ${first}–${last}`;
  if (!summary.changed) {
    return `Nothing changed: the database already holds ${what} (${withThousands(summary.assessments.unchanged)} assessments)`;
  }
  const a = summary.assessments;
  const counts =
    a.updated || a.unchanged || a.keptMoreDetailed
      ? `${withThousands(a.created)} assessments new, ${withThousands(a.updated)} changed, ${withThousands(a.unchanged + a.keptMoreDetailed)} kept`
      : `${withThousands(a.created)} assessments in ${count} editions`;
  return `Loaded ${what}: ${counts} in ${seconds.toFixed(1)} s (${document.attribution})`;
}

/** Loads the bundled figures, turning a damaged file into a one-line message. */
export async function seedDatabase(conn: Connection): Promise<string> {
  const started = performance.now();
  try {
    const load = await loadPublishedFigures(conn);
    return describeSeedLoad(load, (performance.now() - started) / 1000);
  } catch (e) {
    if (e instanceof PublishedFiguresFileError) throw new UserError(`${e.message}; nothing was loaded`);
    if (e instanceof ImportRefusedError) throw new UserError(`${e.message}\nnothing was loaded`);
    throw e;
  }
}

/**
 * Loads the bundled figures into a database that is new, unless `--empty`
 * asked for none. Another process may have seeded it in between (two
 * servers starting at once): that is not an error.
 */
export async function seedIfNew(conn: Connection): Promise<string | null> {
  if (!(await isNewDatabase(conn))) return null;
  try {
    return await seedDatabase(conn);
  } catch (e) {
    if (!(await isNewDatabase(conn))) return 'Freedom House’s published figures were loaded by another process';
    throw e;
  }
}

/** `fiw db seed`: loads the bundled figures into any database; already there, nothing changes. */
export async function dbSeedCommand(opts: { db?: string }): Promise<number> {
  const { conn } = await openMigrated(databaseTarget(opts.db));
  try {
    process.stdout.write(`${await seedDatabase(conn)}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
