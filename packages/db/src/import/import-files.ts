import type { InputError, Methodology } from '@freedom-ratings/core';
import type { Connection } from '../connect.js';
import { loadExistingState } from './existing-state.js';
import { ImportInputError, type ImportSource } from './import-source.js';
import { mergeSources, type Conflict, type MergeResult } from './merge.js';
import { planImport, type ImportPlan } from './plan.js';
import { readImportFile } from './read-import-file.js';
import { writePlan } from './write-plan.js';
import { loadEntityRegistry, registerEntities } from '../repositories/entity-registry.js';
import { methodologyOfEdition } from '../repositories/methodologies.js';
import { CorrectionReasonMissingError, freezeRelease, releasesOf } from '../repositories/releases.js';
import { publishedForExport } from '../export/published-assessments.js';
import { describeChange, releaseChanges, type ReleaseChange } from '../export/release-changes.js';
import { inWriteTransaction } from '../write-transaction.js';

export interface ImportFile {
  /** Name used in messages (usually the file's base name). */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Import into draft assessments of open editions instead of publishing. */
  asDraft?: boolean;
  /**
   * What to do when a file states a figure that differs from the one computed
   * from the most detailed scores (its own, or another file's): `store-computed`
   * (the default) keeps the scores and reports each conflict in the summary;
   * `refuse` writes nothing and throws ImportConflictsError listing them, which
   * is what `fiw import` does unless given `--accept-computed`.
   */
  conflicts?: 'store-computed' | 'refuse';
  /** Add names the registry does not know as new entities, in the import's transaction. */
  addUnknown?: boolean;
  /**
   * Allows the import to change values of editions already published: each
   * such edition gets a new release, and every value it changes an entry in
   * the public errata log with this reason. Without it, an import that would
   * change a published value is refused (ImportRefusedError) and writes
   * nothing; one that only adds (texts, finer scores that give the same
   * figures) makes a new release without errata.
   */
  correction?: { reason: string };
  /** Called as work proceeds: "read" per file, "write" per batch of rows. */
  onProgress?: (stage: 'read' | 'write', done: number, total: number) => void;
  now?: Date;
}

export interface ImportSummary {
  /** False when the database already held exactly this data: nothing was written. */
  changed: boolean;
  files: { file: string; description: string; records: number; texts: number }[];
  entities: {
    referenced: number;
    /** Entity rows written (new to this database). */
    added: number;
    /** Entities new to the registry, added by `addUnknown`. */
    registered: { id: string; name: string; code: string; kind: string; region: string }[];
  };
  editions: { referenced: number; added: number };
  assessments: {
    created: number;
    updated: number;
    unchanged: number;
    keptMoreDetailed: number;
    byGranularity: ImportPlan['byGranularity'];
  };
  narratives: number;
  questions: { added: number; changed: number };
  conflicts: Conflict[];
  notes: InputError[];
  identicalDuplicates: number;
  /** Revision-log entries written. */
  revisions: number;
  /** Releases frozen: one per published edition whose data changed. */
  releases: number;
  /** The published values this import corrected (with `correction`), by edition: what the errata log now lists. */
  corrected: { edition: number; release: number; changes: ReleaseChange[] }[];
}

/** The import would break a rule of the editorial workflow; nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(reasons.join('\n'));
    this.name = 'ImportRefusedError';
  }
}

/** Why an import may not change a published edition without saying it is a correction. */
function correctionRefusal(edition: number, releases: number, changes: readonly ReleaseChange[]): string {
  const shown = changes.slice(0, 10).map((c) => `  ${describeChange(c)}`);
  if (changes.length > shown.length) shown.push(`  … and ${changes.length - shown.length} more`);
  return [
    `Edition ${edition} is published (release ${releases}); this import would change ${changes.length} published ${changes.length === 1 ? 'value' : 'values'}:`,
    ...shown,
    `Nothing was written. To publish ${changes.length === 1 ? 'it' : 'them'} as release ${releases + 1} with an errata entry each, run it again with --correct --reason "why".`,
  ].join('\n');
}

/** Files state figures that differ from those computed from the scores, and the caller asked to refuse that: nothing was written. */
export class ImportConflictsError extends Error {
  constructor(
    readonly conflicts: readonly Conflict[],
    readonly files: ImportSummary['files'],
  ) {
    super(
      `${conflicts.length} stated ${conflicts.length === 1 ? 'figure differs' : 'figures differ'} from the computed one`,
    );
    this.name = 'ImportConflictsError';
  }
}

/**
 * Imports files in one transaction: all of them or nothing. Files are read
 * and checked completely before the database is touched; the transaction
 * then loads what is stored, writes only what differs, and commits once.
 * A failure, or the process dying, at any point leaves the database as it was.
 */
export async function importFiles(
  conn: Connection,
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const sources: ImportSource[] = [];
  const errors: InputError[] = [];
  for (const [i, f] of files.entries()) {
    try {
      sources.push(readImportFile(f.bytes, f.name));
    } catch (e) {
      if (e instanceof ImportInputError) errors.push(...e.errors);
      else throw e;
    }
    options.onProgress?.('read', i + 1, files.length);
  }
  if (errors.length) throw new ImportInputError(errors);
  const methodologies = await editionMethodologies(conn, sources);
  const registry = await loadEntityRegistry(conn.db);
  const merged = mergeSources(sources, { registry, addUnknown: options.addUnknown ?? false, methodologies });
  if (!merged.result) throw new ImportInputError(merged.errors);
  const summaryFiles = sources.map((s) => ({
    file: s.file,
    description: s.description,
    records: s.records.length,
    texts: s.narratives.length,
  }));
  if (options.conflicts === 'refuse' && merged.result.conflicts.length > 0) {
    throw new ImportConflictsError(merged.result.conflicts, summaryFiles);
  }
  return importMerged(conn, merged.result, { ...options, files: summaryFiles, methodologies });
}

/**
 * The methodology of every edition the files name, as this database scores it
 * (the one a stored edition names, else the newest loaded one that lists it,
 * else the built-in one). An edition none covers is refused, at the first
 * place a file names it, with what to do about it.
 */
async function editionMethodologies(
  conn: Connection,
  sources: readonly ImportSource[],
): Promise<Map<number, Methodology>> {
  const firstAt = new Map<number, InputError['location']>();
  for (const s of sources)
    for (const r of [...s.records, ...s.narratives]) if (!firstAt.has(r.edition)) firstAt.set(r.edition, r.location);
  const out = new Map<number, Methodology>();
  const errors: InputError[] = [];
  for (const [edition, location] of firstAt) {
    const m = await methodologyOfEdition(conn.db, edition);
    if (m) out.set(edition, m);
    else
      errors.push({
        location,
        message: `edition ${edition} has no methodology: load one that lists it (fiw methodology load FILE) or make one (fiw methodology new ${edition} --from ${edition - 1})`,
      });
  }
  if (errors.length) throw new ImportInputError(errors);
  return out;
}

/**
 * Writes data already read and merged, in one transaction, exactly as an
 * import of the files it came from would: the same plan, revision log,
 * import run and releases. `importFiles` ends here; so does loading the
 * bundled published figures, which are a merge of FH's files saved ahead.
 */
export async function importMerged(
  conn: Connection,
  result: MergeResult,
  options: Omit<ImportOptions, 'readJson'> & {
    files: ImportSummary['files'];
    /** The methodology of each edition (`importFiles` looks them up); the built-in one where absent. */
    methodologies?: ReadonlyMap<number, Methodology>;
  },
): Promise<ImportSummary> {
  const editions = [
    ...new Set([...result.assessments.map((a) => a.edition), ...[...result.narratives.values()].map((n) => n.edition)]),
  ];
  const now = (options.now ?? new Date()).toISOString();
  const names = options.files.map((f) => f.file);
  const reason = `import of ${names.join(', ')}`;

  return inWriteTransaction(conn, async (trx) => {
    const registered = result.registered.length
      ? await registerEntities(
          trx,
          result.registered,
          { userId: null, now: options.now ?? new Date() },
          `added by the ${reason}:`,
        )
      : undefined;
    const existing = await loadExistingState(trx, editions);
    const plan = planImport(result, existing, options.asDraft ?? false);
    const existingEdition = new Map([...existing.assessments.values()].map((a) => [a.row.id, a.row.edition]));
    if (plan.errors.length) throw new ImportInputError(plan.errors);
    if (plan.refusals.length) throw new ImportRefusedError(plan.refusals);
    const revisions = plan.creates.length + plan.updates.reduce((n, u) => n + u.changes.length, 0);
    const changed =
      plan.creates.length + plan.updates.length + plan.newQuestions.length + plan.changedQuestions.length > 0 ||
      plan.newEntities.length + plan.newEditions.length + result.registered.length > 0;
    const summary: ImportSummary = {
      changed,
      files: options.files,
      entities: {
        referenced: new Set(result.assessments.map((a) => a.entity.id)).size,
        added: plan.newEntities.length + result.registered.length,
        registered: result.registered.map((d) => {
          const e = registered!.byId(d.id)!;
          return { id: e.id, name: e.name, code: e.code, kind: e.kind, region: e.region };
        }),
      },
      editions: { referenced: editions.length, added: plan.newEditions.length },
      assessments: {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        keptMoreDetailed: plan.keptMoreDetailed,
        byGranularity: plan.byGranularity,
      },
      narratives: plan.narrativeCount,
      questions: { added: plan.newQuestions.length, changed: plan.changedQuestions.length },
      conflicts: result.conflicts,
      notes: result.notes,
      identicalDuplicates: result.identicalDuplicates,
      revisions,
      releases: 0,
      corrected: [],
    };
    if (!changed) return summary;
    const correction = options.correction;
    if (correction && !correction.reason.trim()) throw new CorrectionReasonMissingError();
    // What the public saw of each published edition this import touches, to say what it changes.
    const touched = [
      ...new Set([
        ...plan.creates.map((c) => c.columns.edition),
        ...plan.updates.map((u) => existingEdition.get(u.id)!),
      ]),
    ].sort((a, b) => a - b);
    const before = new Map<number, Awaited<ReturnType<typeof publishedForExport>>>();
    if (plan.state === 'published') {
      const created = new Set(plan.newEditions);
      for (const edition of touched) {
        if (created.has(edition)) continue;
        // An edition published before releases were kept gets its release 1 now, as it stood: the change is then release 2.
        if ((await releasesOf(trx, edition)).length === 0) await freezeRelease(trx, edition, { now, userId: null });
        before.set(edition, await publishedForExport(trx, { edition }));
      }
    }
    await writePlan(
      trx,
      conn.dialect,
      plan,
      {
        now,
        reason: correction ? `${reason}: ${correction.reason.trim()}` : reason,
        files: names,
        methodologies: options.methodologies ?? new Map(),
        summary: { ...summary, conflicts: summary.conflicts.length, notes: summary.notes.length },
      },
      (done, total) => options.onProgress?.('write', done, total),
    );
    if (plan.state === 'published') {
      // Published data gets a release per edition it changed, as the studio's publish does; a published value never changes silently.
      const refusals: string[] = [];
      for (const edition of touched) {
        const earlier = before.get(edition);
        const difference = earlier ? releaseChanges(earlier, await publishedForExport(trx, { edition })) : undefined;
        const corrections = difference?.corrections ?? [];
        if (corrections.length > 0 && !correction) {
          refusals.push(correctionRefusal(edition, (await releasesOf(trx, edition)).length, corrections));
          continue;
        }
        const frozen = await freezeRelease(trx, edition, {
          now,
          userId: null,
          reason: earlier ? (correction?.reason.trim() ?? `${reason}: additions only`) : null,
          errata: correction && difference ? [...difference.corrections, ...difference.additions] : [],
        });
        if (frozen.created) summary.releases++;
        if (frozen.created && correction && corrections.length)
          summary.corrected.push({ edition, release: frozen.release, changes: corrections });
      }
      if (refusals.length) throw new ImportRefusedError(refusals);
    }
    return summary;
  });
}
