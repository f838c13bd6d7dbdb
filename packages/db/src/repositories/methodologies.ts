import {
  BUILT_IN_METHODOLOGIES,
  builtInMethodology,
  methodologyFor,
  methodologyProblems,
  type Methodology,
} from '@freedom-ratings/core';
import type { Connection, DatabaseHandle } from '../connect.js';
import type { Edition } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';

/** A methodology and where it lives: shipped with the code, or loaded into this database. */
export interface MethodologyEntry {
  methodology: Methodology;
  builtIn: boolean;
  /** The editions of this database that are scored with it, and whether they are published. */
  usedBy: { edition: number; state: Edition['state'] }[];
}

/** What storing a methodology did, in a sentence for the person who asked. */
export interface StoredMethodology {
  id: string;
  version: number;
  outcome: 'created' | 'unchanged' | 'replaced' | 'new-version';
  message: string;
}

/** A methodology refused before anything is stored; the problems carry their JSON paths. */
export class InvalidMethodologyError extends Error {
  constructor(readonly problems: ReturnType<typeof methodologyProblems>) {
    super(`not a valid methodology: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidMethodologyError';
  }
}

/** JSON with keys in order, so two files that say the same thing compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const parse = (document: string) => JSON.parse(document) as Methodology;

/** A methodology by id and version: loaded into this database, or built in. */
export async function findMethodology(
  db: DatabaseHandle,
  id: string,
  version: number,
): Promise<Methodology | undefined> {
  const builtIn = builtInMethodology(id, version);
  if (builtIn) return builtIn;
  const row = await db
    .selectFrom('methodologies')
    .select('document')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && parse(row.document);
}

/**
 * The methodology of each edition row, one query for all of them (none when
 * they all name built-in files). An edition whose methodology cannot be found
 * is left out, and the engine then says "unknown edition".
 */
export async function methodologiesOfEditions(
  db: DatabaseHandle,
  editions: Iterable<Pick<Edition, 'edition' | 'methodology' | 'methodology_version'>>,
): Promise<Map<number, Methodology>> {
  const out = new Map<number, Methodology>();
  const missing: Pick<Edition, 'edition' | 'methodology' | 'methodology_version'>[] = [];
  for (const e of editions) {
    const builtIn = builtInMethodology(e.methodology, e.methodology_version);
    if (builtIn) out.set(e.edition, builtIn);
    else missing.push(e);
  }
  if (missing.length === 0) return out;
  const rows = await db
    .selectFrom('methodologies')
    .select(['id', 'version', 'document'])
    .where('id', 'in', [...new Set(missing.map((e) => e.methodology))])
    .execute();
  const byRef = new Map(rows.map((r) => [`${r.id}@${r.version}`, r.document]));
  const parsed = new Map<string, Methodology>();
  for (const e of missing) {
    const ref = `${e.methodology}@${e.methodology_version}`;
    const document = byRef.get(ref);
    if (document === undefined) continue;
    if (!parsed.has(ref)) parsed.set(ref, parse(document));
    out.set(e.edition, parsed.get(ref)!);
  }
  return out;
}

/**
 * The methodology an edition is scored with: the one its record names, or,
 * for an edition not yet opened, the newest loaded methodology that lists it,
 * else the built-in one.
 */
export async function methodologyOfEdition(db: DatabaseHandle, edition: number): Promise<Methodology | undefined> {
  const row = await db
    .selectFrom('editions')
    .select(['edition', 'methodology', 'methodology_version'])
    .where('edition', '=', edition)
    .executeTakeFirst();
  if (row) return (await methodologiesOfEditions(db, [row])).get(edition);
  return (await loadedMethodologyListing(db, edition)) ?? methodologyFor(edition);
}

/** The most recently loaded methodology (highest version of the newest) that lists `edition`. */
async function loadedMethodologyListing(db: DatabaseHandle, edition: number): Promise<Methodology | undefined> {
  const rows = await db.selectFrom('methodologies').select(['document', 'updated_at', 'version']).execute();
  const listing = rows
    .map((r) => ({ ...r, m: parse(r.document) }))
    .filter((r) => r.m.editions.includes(edition))
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.version - a.version);
  return listing[0]?.m;
}

/** Every methodology this database can score with, built-in first, each with the editions using it. */
export async function listMethodologies(db: DatabaseHandle): Promise<MethodologyEntry[]> {
  const [rows, editions] = await Promise.all([
    db.selectFrom('methodologies').select(['document']).orderBy('id').orderBy('version').execute(),
    db
      .selectFrom('editions')
      .select(['edition', 'state', 'methodology', 'methodology_version'])
      .orderBy('edition')
      .execute(),
  ]);
  const usedBy = (m: Methodology) =>
    editions
      .filter((e) => e.methodology === m.id && e.methodology_version === m.version)
      .map((e) => ({ edition: e.edition, state: e.state }));
  return [
    ...BUILT_IN_METHODOLOGIES.map((m) => ({ methodology: m, builtIn: true, usedBy: usedBy(m) })),
    ...rows.map((r) => parse(r.document)).map((m) => ({ methodology: m, builtIn: false, usedBy: usedBy(m) })),
  ];
}

/**
 * Stores a methodology file. The same id and version saying the same thing
 * changes nothing. A version no published edition uses is replaced; one a
 * published edition uses (and every built-in file) is never changed: the file
 * is stored as the next version, and the message says so. A file with any
 * problem is refused whole.
 */
export async function storeMethodology(conn: Connection, m: Methodology): Promise<StoredMethodology> {
  const problems = methodologyProblems(m);
  if (problems.length) throw new InvalidMethodologyError(problems);
  return inWriteTransaction(conn, async (db) => {
    const now = new Date().toISOString();
    const versions = await db
      .selectFrom('methodologies')
      .select(['version', 'document'])
      .where('id', '=', m.id)
      .execute();
    const builtIns = BUILT_IN_METHODOLOGIES.filter((b) => b.id === m.id);
    const existing =
      builtIns.find((b) => b.version === m.version) ??
      ((d) => d && parse(d))(versions.find((v) => v.version === m.version)?.document);
    const text = canonical(m);
    if (existing && canonical(existing) === text)
      return {
        id: m.id,
        version: m.version,
        outcome: 'unchanged',
        message: `${m.id} version ${m.version} is stored already; nothing changed`,
      };
    const insert = async (version: number) => {
      await db
        .insertInto('methodologies')
        .values({ id: m.id, version, document: JSON.stringify({ ...m, version }), created_at: now, updated_at: now })
        .execute();
    };
    if (!existing) {
      await insert(m.version);
      return {
        id: m.id,
        version: m.version,
        outcome: 'created',
        message: `stored ${m.id} version ${m.version} (${m.name})`,
      };
    }
    const published = await db
      .selectFrom('editions')
      .select('edition')
      .where('methodology', '=', m.id)
      .where('methodology_version', '=', m.version)
      .where('state', '=', 'published')
      .orderBy('edition')
      .execute();
    const isBuiltIn = builtIns.some((b) => b.version === m.version);
    if (!isBuiltIn && published.length === 0) {
      await db
        .updateTable('methodologies')
        .set({ document: JSON.stringify(m), updated_at: now })
        .where('id', '=', m.id)
        .where('version', '=', m.version)
        .execute();
      return {
        id: m.id,
        version: m.version,
        outcome: 'replaced',
        message: `replaced ${m.id} version ${m.version}: no published edition uses it`,
      };
    }
    const next = Math.max(0, ...versions.map((v) => v.version), ...builtIns.map((b) => b.version)) + 1;
    await insert(next);
    const why = isBuiltIn
      ? 'it is built in'
      : `published edition${published.length === 1 ? '' : 's'} ${published.map((p) => p.edition).join(', ')} use${published.length === 1 ? 's' : ''} it`;
    return {
      id: m.id,
      version: next,
      outcome: 'new-version',
      message: `${m.id} version ${m.version} cannot change (${why}); stored the file as version ${next}`,
    };
  });
}
