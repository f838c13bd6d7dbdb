import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { editionInfoForOpening, resolveEdition } from '@freedom-ratings/core';
import { exportData, type ExportFormat, type FhExportLayout } from '@freedom-ratings/db';
import { UserError } from '../errors.js';
import { databaseTarget, openMigrated } from './db.js';

export interface ExportCommandOptions {
  db?: string;
  format: ExportFormat;
  edition?: string;
  out?: string;
  layout?: FhExportLayout;
  kind?: 'country' | 'territory';
}

/** `fiw export`: published data only, to a file, a directory (data package) or stdout; exit 1 when there is none. */
export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  let edition: number | undefined;
  if (opts.edition !== undefined) {
    const key = /^\d+$/.test(opts.edition) ? Number(opts.edition) : opts.edition;
    // 2027 on: an edition a loaded methodology covers (the database says whether it is published).
    const info = resolveEdition(key) ?? (typeof key === 'number' ? editionInfoForOpening(key) : undefined);
    if (!info) throw new UserError(`--edition: unknown edition "${opts.edition}"`);
    edition = info.edition;
  }
  if (opts.format === 'datapackage' && !opts.out) {
    throw new UserError('--format datapackage writes a directory: give it with --out DIR');
  }
  if (opts.format === 'xlsx' && !opts.out && process.stdout.isTTY) {
    throw new UserError('--format xlsx is binary: give a file with --out PATH or redirect stdout');
  }
  if ((opts.layout || opts.kind) && opts.format !== 'csv') {
    throw new UserError('--layout and --kind apply to --format csv only (the XLSX holds every layout)');
  }
  const { conn } = await openMigrated(databaseTarget(opts.db));
  try {
    const result = await exportData(conn, {
      format: opts.format,
      ...(edition !== undefined ? { edition } : {}),
      ...(opts.layout ? { layout: opts.layout } : {}),
      ...(opts.kind ? { kind: opts.kind } : {}),
    });
    if (result.assessments === 0) {
      // A header-only file would pass for an export; say so instead, and write nothing.
      process.stderr.write(
        `fiw: nothing to export: no published data${edition !== undefined ? ` for edition ${opts.edition}` : ''} in the database (load some with fiw import)\n`,
      );
      return 1;
    }
    if (!opts.out) {
      process.stdout.write(result.files[0]!.bytes);
      return 0;
    }
    try {
      if (opts.format === 'datapackage') {
        for (const f of result.files) {
          const path = join(opts.out, f.path);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, f.bytes);
        }
      } else {
        await mkdir(dirname(opts.out), { recursive: true });
        await writeFile(opts.out, result.files[0]!.bytes);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ENOTDIR'
              ? 'a part of the path is a file'
              : (e as Error).message;
      throw new UserError(`--out ${opts.out}: cannot write (${why})`);
    }
    process.stderr.write(`wrote ${result.assessments} assessments to ${opts.out}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
