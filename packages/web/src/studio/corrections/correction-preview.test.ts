import { describe, expect, it } from 'vitest';
import { scoreField, textField } from '../assessment/fields.js';
import { testAssessment } from '../assessment/test-assessment.js';
import { correctionPreview } from './correction-preview.js';

describe('a correction’s preview', () => {
  it('lists the value edited and every figure core derives from it, old → new, in the errata log’s order', () => {
    // Every indicator at 2: PR 20, CL 30, total 50, both ratings 4.
    const a = testAssessment(2);
    expect(correctionPreview(a, { [scoreField('B2')]: 3 })).toEqual([
      { field: 'B2', label: 'B2', old: 2, new: 3 },
      { field: 'B', label: 'B', old: 8, new: 9 },
      { field: 'PR', label: 'Political Rights', old: 20, new: 21 },
      { field: 'total', label: 'Total score', old: 50, new: 51 },
    ]);
    // Enough to cross a band: PR 24 is rating 3, and the Freedom Rating moves with it.
    const fields = correctionPreview(a, Object.fromEntries(['B1', 'B2', 'B3', 'B4'].map((c) => [scoreField(c), 3])));
    expect(fields.map((c) => c.field)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
      'B',
      'PR',
      'total',
      'prRating',
      'freedomRating',
    ]);
    expect(fields.find((c) => c.field === 'prRating')).toMatchObject({ old: 4, new: 3 });
  });

  it('lists texts and the trend arrow, and nothing for an edit back to the published value', () => {
    const a = testAssessment(2);
    expect(correctionPreview(a, { [scoreField('B2')]: 2 })).toEqual([]);
    expect(correctionPreview(a, { trendArrow: 'down', [textField('overview')]: 'A new overview.' })).toEqual([
      { field: 'trendArrow', label: 'Trend arrow', old: null, new: 'down' },
      { field: 'text:overview:', label: 'Overview text', old: 'An overview.', new: 'A new overview.' },
    ]);
    expect(correctionPreview(a, { [textField('key-developments')]: 'Elections were held early.' })).toEqual([
      {
        field: 'text:key-developments:',
        label: 'Key Developments text',
        old: null,
        new: 'Elections were held early.',
      },
    ]);
    // An emptied text is removed, as the server takes it.
    expect(correctionPreview(a, { [textField('overview')]: '' })).toEqual([
      { field: 'text:overview:', label: 'Overview text', old: 'An overview.', new: null },
    ]);
  });
});
