import { describe, expect, it } from 'vitest';
import type { BoardRow } from '../../api/studio-client.js';
import { boardSummary, publishChecklist } from './board-summary.js';

const row = (id: number, state: BoardRow['state'], region: string | null, who: string[]): BoardRow => ({
  id,
  entity: { id: `e${id}`, name: `E${id}`, kind: 'country', code: `E${id}`, iso3: null },
  region,
  state,
  version: 1,
  assignees: who.map((name, i) => ({
    id: i + 1,
    name,
    role: i === 0 ? 'analyst' : 'reviewer',
    deadline: null,
    overdue: false,
  })),
  progress: { scored: 25, texts: 0, of: 25 },
  updatedAt: '2026-01-01',
});

describe('edition board', () => {
  const rows = [
    row(1, 'draft', 'Eurasia', ['Ana', 'Rev']),
    row(2, 'submitted', 'Eurasia', ['Ana', 'Rev']),
    row(3, 'approved', 'Africa', []),
    row(4, 'withheld', null, ['Ana']),
  ];

  it('counts assessments by state within each region and person', () => {
    const s = boardSummary(rows);
    expect(s.byRegion).toEqual([
      { key: 'Africa', total: 1, byState: { approved: 1 } },
      { key: 'Eurasia', total: 2, byState: { draft: 1, submitted: 1 } },
      { key: 'No region', total: 1, byState: { withheld: 1 } },
    ]);
    expect(s.byPerson.map((g) => [g.key, g.total])).toEqual([
      ['Ana (analyst)', 3],
      ['Rev (reviewer)', 2],
      ['Unassigned', 1],
    ]);
    expect(s.byState[0]!.byState).toEqual({ draft: 1, submitted: 1, approved: 1, withheld: 1 });
  });

  it('lists what stands between the edition and publication', () => {
    expect(publishChecklist(rows).map((r) => r.id)).toEqual([1, 2]);
  });
});
