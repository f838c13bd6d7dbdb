import { csvText } from '@freedom-ratings/core';
import type { Connection } from '../connect.js';
import { dataPackageFiles, type ExportedFile } from './datapackage.js';
import { ratingsTable, scoresTable, type FhExportLayout } from './fh-layouts.js';
import { jsonText } from './json-export.js';
import { publishedForExport, type ExportSelection } from './published-assessments.js';
import { xlsxBytes } from './xlsx-export.js';
import type { ScoredAssessment } from '../repositories/assessments.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'datapackage';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json', 'datapackage'];

export interface ExportOptions extends ExportSelection {
  format: ExportFormat;
  /** CSV only: which FH layout (default: indicators). */
  layout?: FhExportLayout;
  /** CSV ratings layout only: FH keeps countries and territories on separate sheets. */
  kind?: 'country' | 'territory';
}

export interface ExportResult {
  /** One file for csv/xlsx/json; datapackage.json plus data/*.csv for a data package. */
  files: ExportedFile[];
  assessments: number;
}

/** Exports published data in one of the formats users need; the same data always gives the same bytes. */
export async function exportData(conn: Connection, options: ExportOptions): Promise<ExportResult> {
  const withoutNarratives = options.format === 'csv' || options.format === 'xlsx';
  return exportAssessments(await publishedForExport(conn.db, { ...options, withoutNarratives }), options);
}

/** Writes scored assessments (today's published data, or a superseded release read back) in one format. */
export async function exportAssessments(
  assessments: readonly ScoredAssessment[],
  options: Omit<ExportOptions, keyof ExportSelection>,
): Promise<ExportResult> {
  const single = (path: string, bytes: Buffer): ExportResult => ({
    files: [{ path, bytes }],
    assessments: assessments.length,
  });
  switch (options.format) {
    case 'json':
      return single('freedom-ratings.json', Buffer.from(jsonText(assessments)));
    case 'xlsx':
      return single('freedom-ratings.xlsx', await xlsxBytes(assessments));
    case 'csv': {
      const layout = options.layout ?? 'indicators';
      const rows =
        layout === 'ratings' ? ratingsTable(assessments, options.kind ?? 'country') : scoresTable(assessments, layout);
      return single(`freedom-ratings-${layout}.csv`, Buffer.from(csvText(rows)));
    }
    case 'datapackage':
      return { files: dataPackageFiles(assessments), assessments: assessments.length };
  }
}
