import {
  ConcurrentChangeError,
  ImportConflictsError,
  ImportInputError,
  ImportRefusedError,
  CorrectionReasonMissingError,
  describeChange,
  importFiles,
  type Conflict,
  type ImportFile,
  type ImportSummary,
} from '@freedom-ratings/db';
import { editionInfo, EntityRegistryError, formatInputError } from '@freedom-ratings/core';
import { EXIT_FINDINGS, UserError } from '../errors.js';
import { readInputBytes } from '../input/load.js';
import { withThousands } from '../output/numbers.js';
import { Progress } from '../progress.js';
import { databaseTarget, openMigrated } from './db.js';

export interface ImportCommandOptions {
  db?: string;
  asDraft?: boolean;
  /** Store the scores where a file's stated figures differ from those computed from them. */
  acceptComputed?: boolean;
  addUnknown?: boolean;
  /** Allow changes to published editions, as new releases with errata entries giving `reason`. */
  correct?: boolean;
  reason?: string;
  format: 'text' | 'json';
}

/**
 * `fiw import FILE…`: every file in one transaction; bad input changes
 * nothing. A stated figure that differs from the one computed from the most
 * detailed scores is a finding: exit 1 and nothing stored, unless
 * `--accept-computed` says to store the scores (the figure is then computed
 * from them, and each conflict says which value that is).
 */
export async function importCommand(paths: string[], opts: ImportCommandOptions): Promise<number> {
  const reason = opts.reason?.trim();
  if (opts.correct && !reason) {
    throw new UserError(
      '--correct needs --reason "…": the errata log says why each published value changed; nothing was imported',
    );
  }
  if (reason && !opts.correct) throw new UserError('--reason is the reason for a correction: give it with --correct');
  const files: ImportFile[] = [];
  for (const path of paths) {
    const { bytes, name } = await readInputBytes(path);
    files.push({ name, bytes });
  }
  const { conn } = await openMigrated(databaseTarget(opts.db));
  const reading = new Progress('reading', files.length);
  let progress: Progress | undefined;
  try {
    const summary = await importFiles(conn, files, {
      asDraft: opts.asDraft ?? false,
      conflicts: opts.acceptComputed ? 'store-computed' : 'refuse',
      addUnknown: opts.addUnknown ?? false,
      correction: opts.correct ? { reason: reason! } : undefined,
      onProgress: (stage, done, total) => {
        if (stage === 'read') {
          reading.update(done);
          return;
        }
        if (!progress) {
          reading.done();
          progress = new Progress('writing', total);
        }
        progress.update(done);
      },
    });
    reading.done();
    progress?.done();
    process.stdout.write(opts.format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary));
    return 0;
  } catch (e) {
    reading.done();
    progress?.done();
    if (e instanceof ImportConflictsError) {
      process.stdout.write(
        opts.format === 'json'
          ? `${JSON.stringify({ imported: false, files: e.files, conflicts: e.conflicts }, null, 2)}\n`
          : refusal(e),
      );
      return EXIT_FINDINGS;
    }
    if (e instanceof ImportInputError) {
      const more = e.errors.length >= 50 ? '\n(stopped after 50 errors)' : '';
      throw new UserError(`${e.errors.map(formatInputError).join('\n')}${more}\nnothing was imported`);
    }
    if (e instanceof ImportRefusedError) throw new UserError(`${e.message}\nnothing was imported`);
    if (e instanceof CorrectionReasonMissingError) throw new UserError(e.message);
    if (e instanceof EntityRegistryError) throw new UserError(`${e.message}\nnothing was imported`);
    if (e instanceof ConcurrentChangeError) throw new UserError(`${e.message}; nothing was imported`);
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      throw new UserError(`${conn.location} is busy: another process held it for more than 5 s; nothing was imported`);
    }
    throw e;
  } finally {
    await conn.close();
  }
}

function describe(s: ImportSummary): string {
  const lines: string[] = [];
  for (const f of s.files) {
    const what = f.records ? `${withThousands(f.records)} rows` : `${withThousands(f.texts)} texts`;
    lines.push(`read ${f.file}: ${f.description}, ${what}`);
  }
  for (const n of s.notes) lines.push(`note: ${formatInputError(n)}`);
  for (const e of s.entities.registered) {
    lines.push(`added to the registry: ${e.name} (id ${e.id}, code ${e.code}, ${e.kind}, ${e.region})`);
  }
  if (s.conflicts.length) {
    lines.push(`conflicts (${s.conflicts.length}; stored as computed from the scores, --accept-computed):`);
    for (const c of s.conflicts) lines.push(`  ${conflictLine(c, true)}`);
  }
  if (s.identicalDuplicates) {
    lines.push(`${withThousands(s.identicalDuplicates)} entity-editions given twice with the same figures (kept once)`);
  }
  const a = s.assessments;
  const g = a.byGranularity;
  if (!s.changed) {
    lines.push(
      `nothing changed: the database already holds exactly this data (${withThousands(a.unchanged)} assessments)`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `entities: ${withThousands(s.entities.referenced)} (${withThousands(s.entities.added)} new)`,
    `editions: ${withThousands(s.editions.referenced)} (${withThousands(s.editions.added)} new)`,
    `assessments: ${withThousands(a.created)} new, ${withThousands(a.updated)} changed, ${withThousands(a.unchanged)} unchanged` +
      (a.keptMoreDetailed ? `, ${withThousands(a.keptMoreDetailed)} kept (the database has more detail)` : ''),
    `  by granularity: ${withThousands(g.indicators)} indicators, ${withThousands(g.subcategories)} subcategories, ${withThousands(g.aggregates)} PR/CL aggregates, ${withThousands(g.ratings)} ratings only`,
    `narrative texts: ${withThousands(s.narratives)}; question wordings: ${s.questions.added} new, ${s.questions.changed} changed`,
    `conflicts: ${s.conflicts.length}; revision-log entries: ${withThousands(s.revisions)}; releases frozen: ${s.releases}`,
  );
  for (const c of s.corrected) {
    lines.push(
      `corrected edition ${c.edition}: release ${c.release}, ${c.changes.length} published values changed (in its errata log):`,
    );
    for (const change of c.changes) lines.push(`  ${describeChange(change)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One conflict, saying which value the database holds: the scores are what is
 * stored, every figure is computed from them, and the stated figure that
 * differs is not used.
 */
function conflictLine(c: Conflict, stored: boolean): string {
  const label = editionInfo(c.edition)?.label ?? c.edition;
  const scores = c.kind === 'stated' ? 'its own scores' : `the scores of ${c.kept.file}`;
  return (
    `${c.entity} ${label} ${c.field}: ${c.other.file} states ${String(c.other.value)}, ${scores} give ${String(c.kept.value)}` +
    ` — ${stored ? 'stored' : 'would be stored'}: the scores, so ${c.field} ${stored ? 'is' : 'would be'} ${String(c.kept.value)}; the stated ${String(c.other.value)} ${stored ? 'is not' : 'would not be'} used`
  );
}

function refusal(e: ImportConflictsError): string {
  const lines = e.files.map((f) => `read ${f.file}: ${f.description}`);
  lines.push(
    `conflicts (${e.conflicts.length}): figures the files state that differ from those computed from the scores`,
  );
  for (const c of e.conflicts) lines.push(`  ${conflictLine(c, false)}`);
  lines.push(
    'nothing was imported: run again with --accept-computed to store the scores and compute these figures from them',
  );
  return `${lines.join('\n')}\n`;
}
