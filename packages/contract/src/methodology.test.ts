import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_METHODOLOGIES, methodologyFor } from '@freedom-ratings/core';
import { methodologyJsonSchema, readMethodology } from './methodology.js';

const committed = JSON.parse(readFileSync(new URL('../methodology.schema.json', import.meta.url), 'utf8'));
const example = JSON.parse(
  readFileSync(new URL('../../../examples/methodologies/civic-index.json', import.meta.url), 'utf8'),
);

describe('the methodology file format', () => {
  it('has its JSON Schema committed as generated (npx tsx scripts/write-methodology-schema.ts)', () => {
    expect(committed).toEqual(methodologyJsonSchema());
  });

  it('accepts every built-in file and the example, by the zod schema and the JSON Schema alike', () => {
    const validate = new Ajv2020({ strict: false }).compile(committed);
    for (const m of [...BUILT_IN_METHODOLOGIES, example]) {
      expect(readMethodology(m).problems, m.id).toEqual([]);
      expect(validate(m), `${m.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('gives every shape problem at its JSON path, and the JSON Schema refuses the same file', () => {
    const m = JSON.parse(JSON.stringify(methodologyFor(2024)));
    m.status.kind = 'majority';
    m.categories[0].bands[0].max = '40';
    m.categories[1].subcategories[0].indicators[0].colour = 'red';
    delete m.trendArrow.note;
    expect(readMethodology(m)).toEqual({
      methodology: null,
      problems: [
        {
          path: '$.categories[0].bands[0].max',
          code: 'shape',
          message: 'Invalid input: expected number, received string',
        },
        {
          path: '$.categories[1].subcategories[0].indicators[0]',
          code: 'shape',
          message: 'Unrecognized key: "colour"',
        },
        {
          path: '$.status.kind',
          code: 'unknown-rule',
          message:
            'unknown status rule "majority"; known: "freedom-rating", "freedom-rating-with-raw-points", "stated", "total-score"',
        },
        { path: '$.trendArrow.note', code: 'shape', message: 'Invalid input: expected string, received undefined' },
      ],
    });
    expect(new Ajv2020({ strict: false }).compile(committed)(m)).toBe(false);
  });

  it('checks what a schema cannot once the shape is right', () => {
    const m = JSON.parse(JSON.stringify(methodologyFor(2024)));
    m.categories[0].max = 41;
    expect(readMethodology(m).problems).toEqual([
      {
        path: '$.categories[0].max',
        code: 'maximum-mismatch',
        message: "category PR has maximum 41, but its subcategories' maxima add up to 40",
      },
      {
        path: '$.categories[0].bands[0].max',
        code: 'band-gap',
        message: 'scores 41–41 of PR are in no band: rating 1 must reach the maximum 41',
      },
    ]);
  });
});
