import { assess, type AssessmentInput, type Assessed, type NarrativeSection } from '@freedom-ratings/core';
import { assessmentInput, type Assessment, type Database, type Entity } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';

export interface NarrativeEntry {
  section: NarrativeSection;
  code: string;
  body: string;
}

/** One assessment as stored: its row, its entity, its scores by code and its texts. */
export interface AssessmentData {
  row: Assessment;
  entity: Entity;
  scores: Record<string, number>;
  narratives: NarrativeEntry[];
}

/** An assessment together with what the engine derives from it. */
export interface ScoredAssessment {
  data: AssessmentData;
  input: AssessmentInput;
  assessed: Assessed;
}

export interface AssessmentFilter {
  ids?: readonly number[];
  edition?: number;
  entityId?: string;
  /**
   * Only assessments the public may see: published, in a published edition.
   * Every public route loads through this filter, never around it.
   */
  publishedOnly: boolean;
  withNarratives?: boolean;
}

/** Loads assessments with their scores (and texts on request) in three queries, whatever their number. */
export async function loadAssessments(db: Kysely<Database>, filter: AssessmentFilter): Promise<AssessmentData[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('assessments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .selectAll('a')
    .select([
      'e.id as e_id',
      'e.name as e_name',
      'e.kind as e_kind',
      'e.iso3 as e_iso3',
      'e.code as e_code',
      'ed.state as edition_state',
    ]);
  if (filter.publishedOnly) query = query.where('a.state', '=', 'published').where('ed.state', '=', 'published');
  if (filter.ids) query = query.where('a.id', 'in', filter.ids);
  if (filter.edition !== undefined) query = query.where('a.edition', '=', filter.edition);
  if (filter.entityId !== undefined) query = query.where('a.entity_id', '=', filter.entityId);
  const rows = await query.orderBy('a.edition').orderBy('e.name').execute();
  if (rows.length === 0) return [];

  const byId = new Map<number, AssessmentData>();
  for (const r of rows) {
    const { e_id, e_name, e_kind, e_iso3, e_code, edition_state: _state, ...row } = r;
    byId.set(row.id, {
      row,
      entity: { id: e_id, name: e_name, kind: e_kind, iso3: e_iso3, code: e_code },
      scores: {},
      narratives: [],
    });
  }
  const ids = [...byId.keys()];
  // Chunked so a whole database (thousands of assessments) stays under bind-parameter limits.
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const scores = await db
      .selectFrom('scores')
      .select(['assessment_id', 'code', 'value'])
      .where('assessment_id', 'in', chunk)
      .execute();
    for (const s of scores) byId.get(s.assessment_id)!.scores[s.code] = s.value;
    if (filter.withNarratives) {
      const texts = await db
        .selectFrom('narratives')
        .select(['assessment_id', 'section', 'code', 'body'])
        .where('assessment_id', 'in', chunk)
        .orderBy('assessment_id')
        .orderBy('section')
        .orderBy('code')
        .execute();
      for (const t of texts)
        byId.get(t.assessment_id)!.narratives.push({ section: t.section, code: t.code, body: t.body });
    }
  }
  return [...byId.values()];
}

/** The engine's input for a stored assessment, built by the db package's one row-to-domain mapping. */
export function toAssessmentInput(data: AssessmentData): AssessmentInput {
  const scores = Object.entries(data.scores).map(([code, value]) => ({ code, value }));
  return assessmentInput(data.entity.name, data.row, scores);
}

export function scoreAssessment(data: AssessmentData): ScoredAssessment {
  const input = toAssessmentInput(data);
  return { data, input, assessed: assess(input) };
}
