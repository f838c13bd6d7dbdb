import { describe, expect, it } from 'vitest';
import { apiProblems, showProblems } from './answer-problems.js';

describe('a refused registry change at its fields', () => {
  it('reads the fields of a conflict and the body paths of a malformed request', () => {
    expect(
      apiProblems({
        problems: [{ field: 'code', subject: 'borduria', message: 'code "KAZ" is already used by Kazakhstan' }],
      }),
    ).toEqual([{ field: 'code', subject: 'borduria', message: 'code "KAZ" is already used by Kazakhstan' }]);
    expect(apiProblems({ problems: [{ location: 'body', path: 'iso3', message: 'Too small' }] })).toEqual([
      { field: 'iso3', subject: null, message: 'Too small' },
    ]);
    expect(apiProblems(null)).toEqual([]);
    expect(apiProblems({ problems: [42, { field: 'code' }] })).toEqual([]);
  });

  it('places each problem where the form says, the rest at the top, and joins two at one field', () => {
    const shown = showProblems(
      {
        message: 'two problems',
        details: {
          problems: [
            { field: 'id', subject: 'norway', message: 'id "norway" is already used by Norway' },
            { field: 'name', subject: 'norway', message: 'name "Norway" is already a name of Norway' },
            { field: 'succession', subject: 'a → b', message: 'a is already continued by c' },
          ],
        },
      },
      (p) => (p.field === 'id' || p.field === 'name' ? 'name' : null),
    );
    expect(shown).toEqual({
      fields: { name: 'id "norway" is already used by Norway name "Norway" is already a name of Norway' },
      top: ['a is already continued by c'],
    });
  });

  it('never leaves a refusal unsaid: without listed problems its message is at the top', () => {
    expect(showProblems({ message: 'The server could not be reached.', details: null }, () => 'name')).toEqual({
      fields: {},
      top: ['The server could not be reached.'],
    });
  });
});
