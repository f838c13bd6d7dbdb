import type { Kysely } from 'kysely';
import type { Assessment, Database, Entity } from '../schema.js';

/** One assessment as calibration reads it: the row, every score, and the one text asked for. */
export interface CalibrationEntry {
  row: Assessment;
  entity: Entity;
  scores: { code: string; value: number }[];
  text: string | null;
}

export interface CalibrationSelection {
  edition: number;
  /** The per-question text to bring along: section and code ("indicator", "B2"). */
  text: { section: 'indicator' | 'subcategory'; code: string };
  region?: string;
  entities?: readonly string[];
  /**
   * Only these scores (all when absent): an indicator's calibration needs its
   * one score, not the 25 of every assessment (208 rows read instead of 5,200).
   */
  scoreCodes?: readonly string[];
}

async function entries(
  db: Kysely<Database>,
  rows: (Assessment & { e_name: string; e_code: string; e_iso3: string | null })[],
  { text, scoreCodes }: Pick<CalibrationSelection, 'text' | 'scoreCodes'>,
): Promise<CalibrationEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const byId = new Map<number, CalibrationEntry>();
  for (const r of rows) {
    const { e_name, e_code, e_iso3, ...row } = r;
    byId.set(r.id, {
      row,
      entity: { id: row.entity_id, name: e_name, kind: row.kind, code: e_code, iso3: e_iso3 },
      scores: [],
      text: null,
    });
  }
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    let scoreQuery = db
      .selectFrom('scores')
      .select(['assessment_id', 'code', 'value'])
      .where('assessment_id', 'in', chunk);
    if (scoreCodes) scoreQuery = scoreQuery.where('code', 'in', [...scoreCodes, '']);
    const [scores, texts] = await Promise.all([
      scoreQuery.execute(),
      db
        .selectFrom('narratives')
        .select(['assessment_id', 'body'])
        .where('assessment_id', 'in', chunk)
        .where('section', '=', text.section)
        .where('code', '=', text.code)
        .execute(),
    ]);
    for (const s of scores) byId.get(s.assessment_id)!.scores.push({ code: s.code, value: s.value });
    for (const t of texts) byId.get(t.assessment_id)!.text = t.body;
  }
  return [...byId.values()];
}

function assessmentRows(db: Kysely<Database>) {
  return db
    .selectFrom('assessments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .selectAll('a')
    .select(['e.name as e_name', 'e.code as e_code', 'e.iso3 as e_iso3']);
}

/**
 * An edition's assessments — drafts included, so only for signed-in routes —
 * in a region or a chosen set of entities, each with the entity's latest
 * earlier assessment beside it: what calibrating one question across
 * countries needs, in five queries whatever their number.
 */
export async function calibrationEntries(
  db: Kysely<Database>,
  selection: CalibrationSelection,
): Promise<{ current: CalibrationEntry; previous: CalibrationEntry | null }[]> {
  let query = assessmentRows(db).where('a.edition', '=', selection.edition);
  if (selection.region !== undefined) query = query.where('a.region', '=', selection.region);
  if (selection.entities !== undefined) query = query.where('a.entity_id', 'in', [...selection.entities, '']);
  const current = await entries(db, await query.orderBy('e.name').execute(), selection);
  if (current.length === 0) return [];
  const latest = await db
    .selectFrom('assessments')
    .select(['entity_id', (eb) => eb.fn.max('edition').as('edition')])
    .where(
      'entity_id',
      'in',
      current.map((c) => c.row.entity_id),
    )
    .where('edition', '<', selection.edition)
    .groupBy('entity_id')
    .execute();
  const wanted = new Set(latest.map((l) => `${l.entity_id}:${l.edition}`));
  const candidates = latest.length
    ? await assessmentRows(db)
        .where(
          'a.entity_id',
          'in',
          latest.map((l) => l.entity_id),
        )
        .where('a.edition', 'in', [...new Set(latest.map((l) => Number(l.edition)))])
        .execute()
    : [];
  const previous = await entries(
    db,
    candidates.filter((r) => wanted.has(`${r.entity_id}:${r.edition}`)),
    selection,
  );
  const byEntity = new Map(previous.map((p) => [p.row.entity_id, p]));
  return current.map((c) => ({ current: c, previous: byEntity.get(c.row.entity_id) ?? null }));
}
