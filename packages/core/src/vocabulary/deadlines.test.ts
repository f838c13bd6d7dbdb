import { describe, expect, it } from 'vitest';
import { assignmentOverdue, assignmentPending } from './deadlines.js';

describe('assignment deadlines', () => {
  it('an analyst’s part is done once submitted, a reviewer’s once approved', () => {
    expect(assignmentPending('analyst', 'draft')).toBe(true);
    expect(assignmentPending('analyst', 'returned')).toBe(true);
    expect(assignmentPending('analyst', 'submitted')).toBe(false);
    expect(assignmentPending('reviewer', 'submitted')).toBe(true);
    expect(assignmentPending('reviewer', 'approved')).toBe(false);
    expect(assignmentPending('editor', 'published')).toBe(false);
  });

  it('is overdue from the day after the deadline while the part is still to do', () => {
    const analyst = { deadline: '2026-03-01', role: 'analyst' as const };
    expect(assignmentOverdue(analyst, 'draft', '2026-03-01')).toBe(false);
    expect(assignmentOverdue(analyst, 'draft', '2026-03-02')).toBe(true);
    expect(assignmentOverdue(analyst, 'submitted', '2026-03-02')).toBe(false);
    expect(assignmentOverdue({ deadline: '2026-03-01', role: 'reviewer' }, 'submitted', '2026-04-01')).toBe(true);
    expect(assignmentOverdue({ deadline: null, role: 'analyst' }, 'draft', '2999-01-01')).toBe(false);
  });
});
