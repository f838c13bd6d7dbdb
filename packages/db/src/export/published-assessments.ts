import type { Kysely } from 'kysely';
import { byCodePoint } from '../repositories/entities.js';
import { loadAssessments, scoreAssessment, type ScoredAssessment } from '../repositories/assessments.js';
import type { Database } from '../schema.js';

export interface ExportSelection {
  /** One edition, or every published edition when absent. */
  edition?: number;
  /** Skip the texts (most of the bytes) for formats that do not carry them. */
  withoutNarratives?: boolean;
}

/**
 * What an export writes: published data only (the loader's `publishedOnly`,
 * so drafts, withheld assessments and open editions never reach a file,
 * whatever the caller asks for), scored by the engine, in FH's file order:
 * newest edition first, then entities by name.
 */
export async function publishedForExport(
  db: Kysely<Database>,
  selection: ExportSelection = {},
): Promise<ScoredAssessment[]> {
  const stored = await loadAssessments(db, {
    publishedOnly: true,
    edition: selection.edition,
    withNarratives: !selection.withoutNarratives,
  });
  return stored
    .map(scoreAssessment)
    .sort((a, b) => b.row.edition - a.row.edition || byCodePoint(a.entity.name, b.entity.name));
}
