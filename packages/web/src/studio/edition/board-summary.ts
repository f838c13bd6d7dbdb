import type { AssessmentState } from '@freedom-ratings/core';
import type { BoardRow } from '../../api/studio-client.js';

/** Counts of an edition's assessments by state within each group (a region, a person). */
export interface BoardGroup {
  key: string;
  total: number;
  byState: Partial<Record<AssessmentState, number>>;
}

function group(rows: readonly BoardRow[], keysOf: (r: BoardRow) => string[]): BoardGroup[] {
  const groups = new Map<string, BoardGroup>();
  for (const r of rows) {
    for (const key of keysOf(r)) {
      const g = groups.get(key) ?? { key, total: 0, byState: {} };
      g.total++;
      g.byState[r.state] = (g.byState[r.state] ?? 0) + 1;
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The progress board's three views of one edition: by state, by region, by person. */
export function boardSummary(rows: readonly BoardRow[]) {
  return {
    byRegion: group(rows, (r) => [r.region ?? 'No region']),
    byPerson: group(rows, (r) =>
      r.assignees.length ? r.assignees.map((p) => `${p.name} (${p.role})`) : ['Unassigned'],
    ),
    byState: group(rows, () => ['All']),
  };
}

/**
 * What publishing needs decided: every assessment neither approved nor
 * withheld. The editor withholds each (kept out of the release) or waits.
 */
export function publishChecklist(rows: readonly BoardRow[]): BoardRow[] {
  return rows.filter((r) => r.state !== 'approved' && r.state !== 'published' && r.state !== 'withheld');
}
