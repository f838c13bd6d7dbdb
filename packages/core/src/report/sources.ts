import { matchEntity, normalizeEntityName } from '../entities/match.js';
import type { FhRecord } from '../fh-files/read.js';
import type { ReportSource } from './build.js';
import type { NarrativeRow } from './narrative.js';

/** A narrative row with the entity and edition it belongs to, as in `fh_country_rating_text`. */
export interface NarrativeTableRow extends NarrativeRow {
  country: string;
  edition: number;
}

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
 * Joins narrative rows to the scores of the same entity and edition (and
 * the edition before, for changes), in the narrative's order. Names are
 * matched through the entity registry, so the two files may spell them
 * differently.
 */
export function reportSources(records: readonly FhRecord[], rows: readonly NarrativeTableRow[]): MatchedSources {
  const scores = new Map<string, FhRecord>();
  for (const rec of records) scores.set(`${entityKey(rec.entity)}\u0000${rec.edition}`, rec);
  const groups = new Map<string, { country: string; edition: number; rows: NarrativeTableRow[] }>();
  const keys = new Map<string, string>();
  for (const row of rows) {
    let key = keys.get(row.country);
    if (key === undefined) keys.set(row.country, (key = entityKey(row.country)));
    const id = `${key}\u0000${row.edition}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { country: row.country, edition: row.edition, rows: [] }));
    g.rows.push(row);
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
      narrative: g.rows,
    });
  }
  return { sources, unmatched };
}
