import { assess, entityById, type AssessmentInput, type DerivedFigures, type Entity } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import { assessmentInput } from '../assessment-input.js';
import type { NarrativeSection } from '@freedom-ratings/core';
import type { Assessment, Database, Edition } from '../schema.js';

/** One published assessment with everything an export writes: inputs, derived figures, texts. */
export interface ExportedAssessment {
  entity: Pick<Entity, 'id' | 'name' | 'kind' | 'iso3' | 'code'>;
  edition: Edition;
  row: Assessment;
  input: AssessmentInput;
  /** From the engine; null only if the stored inputs cannot be scored. */
  figures: DerivedFigures | null;
  scores: { code: string; value: number }[];
  narratives: { section: NarrativeSection; code: string; body: string }[];
}

export interface ExportSelection {
  /** One edition, or every published edition when absent. */
  edition?: number;
  /** Skip the texts (most of the bytes) for formats that do not carry them. */
  withoutNarratives?: boolean;
}

/**
 * Published data only: assessments in state "published" of editions in state
 * "published". Drafts, withheld assessments and open editions never reach an
 * export, whatever the caller asks for.
 */
export async function loadPublishedAssessments(
  db: Kysely<Database>,
  selection: ExportSelection = {},
): Promise<ExportedAssessment[]> {
  let editionsQuery = db.selectFrom('editions').selectAll().where('state', '=', 'published');
  if (selection.edition !== undefined) editionsQuery = editionsQuery.where('edition', '=', selection.edition);
  const editions = new Map((await editionsQuery.execute()).map((e) => [e.edition, e]));
  if (editions.size === 0) return [];
  const entities = new Map((await db.selectFrom('entities').selectAll().execute()).map((e) => [e.id, e]));
  const editionKeys = [...editions.keys()];
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('state', '=', 'published')
    .where('edition', 'in', editionKeys)
    .execute();
  // One joined query per table rather than one per batch of ids: the whole
  // dataset is 80,000 scores, and round trips were most of an export's time.
  const scores = new Map<number, { code: string; value: number }[]>();
  const scoreRows = await db
    .selectFrom('scores')
    .innerJoin('assessments', 'assessments.id', 'scores.assessment_id')
    .select(['scores.assessment_id', 'scores.code', 'scores.value'])
    .where('assessments.state', '=', 'published')
    .where('assessments.edition', 'in', editionKeys)
    .execute();
  for (const s of scoreRows) {
    const list = scores.get(s.assessment_id) ?? [];
    list.push({ code: s.code, value: s.value });
    scores.set(s.assessment_id, list);
  }
  const texts = new Map<number, ExportedAssessment['narratives']>();
  if (!selection.withoutNarratives) {
    const textRows = await db
      .selectFrom('narratives')
      .innerJoin('assessments', 'assessments.id', 'narratives.assessment_id')
      .select(['narratives.assessment_id', 'narratives.section', 'narratives.code', 'narratives.body'])
      .where('assessments.state', '=', 'published')
      .where('assessments.edition', 'in', editionKeys)
      .execute();
    for (const n of textRows) {
      const list = texts.get(n.assessment_id) ?? [];
      list.push({ section: n.section, code: n.code, body: n.body });
      texts.set(n.assessment_id, list);
    }
  }
  const out: ExportedAssessment[] = [];
  for (const row of rows) {
    const stored = entities.get(row.entity_id)!;
    const entity = { ...stored, name: entityById(stored.id)?.name ?? stored.name };
    // In code order whatever order the database returned them in, so exports are reproducible.
    const s = (scores.get(row.id) ?? []).sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    const input = assessmentInput(entity.name, row, s);
    out.push({
      entity,
      edition: editions.get(row.edition)!,
      row,
      input,
      figures: assess(input).figures,
      scores: s,
      narratives: (texts.get(row.id) ?? []).sort(
        (a, b) => a.section.localeCompare(b.section) || a.code.localeCompare(b.code),
      ),
    });
  }
  // FH's files list the newest edition first, then entities by name.
  return out.sort(
    (a, b) =>
      b.row.edition - a.row.edition || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0),
  );
}
