import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldsOf, narrativesOf, parseField, patchOf, scoreField, textField } from './fields.js';
import { testAssessment } from './test-assessment.js';

describe('assessment fields', () => {
  it('flatten an assessment and read back their names', () => {
    const f = fieldsOf(testAssessment(1));
    expect(f[scoreField('A1')]).toBe(1);
    expect(f[textField('overview')]).toBe('An overview.');
    expect(parseField('text:indicator:B2')).toEqual({ kind: 'text', section: 'indicator', code: 'B2' });
    expect(parseField('nonsense')).toBeNull();
    expect(fieldLabel('text:key-developments:')).toBe('Key Developments text');
    expect(fieldLabel('score:B2')).toBe('B2');
  });

  it('make the PATCH body of a set of edits; an emptied text is deleted', () => {
    const patch = patchOf(
      {
        [scoreField('B2')]: 3,
        [textField('indicator', 'B2')]: 'New.',
        [textField('overview')]: '',
        trendArrow: 'down',
        addQ: 1,
      },
      'draft edits',
    );
    expect(patch).toEqual({
      reason: 'draft edits',
      scores: { B2: 3 },
      narratives: [
        { section: 'indicator', code: 'B2', body: 'New.' },
        { section: 'overview', code: '', body: null },
      ],
      trendArrow: 'down',
      addQ: 1,
    });
  });

  it('give core the non-empty texts', () => {
    expect(narrativesOf({ [textField('overview')]: '', [textField('indicator', 'A1')]: 'x' })).toEqual([
      { section: 'indicator', code: 'A1', body: 'x' },
    ]);
  });
});
