import { matchEntity } from '../entities/match.js';
import { normalizeEntityName } from '../entities/entity-name.js';
import type { FhRecord } from '../fh-files/read.js';
import type { NarrativeRecord, QuestionRecord } from '../input/records.js';
import type { ReportSource } from './build.js';

/**
 * One key per entity whatever the spelling: the registry's id where the name
 * is known ("Gambia" and "The Gambia" both give "gambia"), else the
 * normalised name (case, accents and punctuation folded away).
 */
export function entityKey(name: string): string {
  return matchEntity(name)?.id ?? normalizeEntityName(name);
}

export interface MatchedSources {
  sources: ReportSource[];
  /** Narrative entity-editions with no scores for that edition in the scores file. */
  unmatched: { country: string; edition: number }[];
}

/**
 * Joins the texts of FH's narrative file to the scores of the same entity
 * and edition (and the edition before, for changes), in the narrative's
 * order, with the edition's question wordings. Names are matched through
 * the entity registry, so the two files may spell them differently.
 */
export function reportSources(
  records: readonly FhRecord[],
  texts: readonly NarrativeRecord[],
  questions: readonly QuestionRecord[] = [],
): MatchedSources {
  const scores = new Map<string, FhRecord>();
  for (const rec of records) scores.set(`${entityKey(rec.entity)}\u0000${rec.edition}`, rec);
  const wordings = new Map<number, Map<string, string>>();
  for (const q of questions) {
    const edition = wordings.get(q.edition) ?? wordings.set(q.edition, new Map()).get(q.edition)!;
    edition.set(q.code, q.wording);
  }
  const groups = new Map<string, { country: string; edition: number; texts: NarrativeRecord[] }>();
  const keys = new Map<string, string>();
  for (const text of texts) {
    let key = keys.get(text.entity);
    if (key === undefined) keys.set(text.entity, (key = entityKey(text.entity)));
    const id = `${key}\u0000${text.edition}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { country: text.entity, edition: text.edition, texts: [] }));
    g.texts.push(text);
  }
  const sources: ReportSource[] = [];
  const unmatched: MatchedSources['unmatched'] = [];
  for (const [id, g] of groups) {
    const key = id.slice(0, id.indexOf('\u0000'));
    const current = scores.get(`${key}\u0000${g.edition}`);
    if (!current) {
      unmatched.push({ country: g.country, edition: g.edition });
      continue;
    }
    const previous = scores.get(`${key}\u0000${g.edition - 1}`);
    sources.push({
      entity: current.entity,
      kind: current.kind,
      edition: g.edition,
      current: current.input,
      previous: previous?.input ?? null,
      narrative: g.texts,
      questions: wordings.get(g.edition) ?? new Map(),
    });
  }
  return { sources, unmatched };
}
