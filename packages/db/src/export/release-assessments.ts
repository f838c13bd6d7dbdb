import type { Kysely } from 'kysely';
import { ImportInputError } from '../import/import-source.js';
import { assessmentKey, mergeSources } from '../import/merge.js';
import { readImportFile } from '../import/read-import-file.js';
import { importedColumns, scoresOf } from '../import/stored-fields.js';
import { loadEntityRegistry } from '../repositories/entity-registry.js';
import { byCodePoint, namedEntity } from '../repositories/entities.js';
import { methodologiesOfEditions } from '../repositories/methodologies.js';
import { scoreAssessment, type ScoredAssessment } from '../repositories/assessments.js';
import type { Database, Edition } from '../schema.js';

/**
 * The scored assessments a release's canonical JSON holds, read back through
 * the importer's own reader and merge: so a superseded release is exported
 * in every format (FH's CSV layouts, XLSX) from exactly what it froze, not
 * from today's data. Entities take their current names, as every export does.
 */
export async function releaseAssessments(
  db: Kysely<Database>,
  edition: Edition,
  canonical: string,
): Promise<ScoredAssessment[]> {
  const source = readImportFile(Buffer.from(canonical), `release of ${edition.edition}.json`);
  const merged = mergeSources([source], { registry: await loadEntityRegistry(db) });
  if (!merged.result) throw new ImportInputError(merged.errors);
  const methodology = (await methodologiesOfEditions(db, [edition])).get(edition.edition);
  const ids = [...new Set(merged.result.assessments.map((m) => m.entity.id))];
  const entities = new Map(
    ids.length
      ? (await db.selectFrom('entities').selectAll().where('id', 'in', ids).execute()).map((e) => [
          e.id,
          namedEntity(e),
        ])
      : [],
  );
  return merged.result.assessments
    .map((m) => {
      const texts = merged.result!.narratives.get(assessmentKey(m.entity.id, m.edition))?.texts ?? [];
      return scoreAssessment({
        row: {
          id: 0,
          entity_id: m.entity.id,
          edition: m.edition,
          state: 'published',
          version: 1,
          source: null,
          created_at: edition.created_at,
          updated_at: edition.created_at,
          updated_by: null,
          ...importedColumns(m.granularity, m.input, m.kind, m.region, m.sourceNote),
        },
        entity: entities.get(m.entity.id) ?? namedEntity(m.entity),
        edition,
        scores: Object.fromEntries(
          scoresOf(m.granularity, m.input)
            .sort((a, b) => byCodePoint(a.code, b.code))
            .map((s) => [s.code, s.value]),
        ),
        narratives: texts
          .map(({ section, code, body }) => ({ section, code, body }))
          .sort((a, b) => byCodePoint(a.section, b.section) || byCodePoint(a.code, b.code)),
        methodology,
      });
    })
    .sort((a, b) => byCodePoint(a.entity.name, b.entity.name));
}
