import { describe, expect, it } from 'vitest';
import { readOurJson } from './our-json.js';

describe('readOurJson on JSON that is not an input', () => {
  it('says so in one problem for a pretty-printed object that is no assessment (a package manifest)', () => {
    const manifest = JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'vitest' } }, null, 2);
    const { records, errors } = readOurJson(manifest, 'package.json');
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'not-an-input', location: { file: 'package.json' } });
  });

  it('says so once for an array or JSON Lines of objects none of which is an assessment', () => {
    expect(readOurJson('[{"a": 1}, {"b": 2}, 3]', 'x.json').errors.map((e) => e.code)).toEqual(['not-an-input']);
    expect(readOurJson('{"a": 1}\n{"b": 2}\n', 'x.jsonl').errors.map((e) => e.code)).toEqual(['not-an-input']);
  });

  it('still reads one assessment spread over several lines, and reports each bad record of a real file', () => {
    const one = JSON.stringify({ entity: 'Norway', edition: 2024, ratings: { pr: 1, cl: 1 } }, null, 2);
    expect(readOurJson(one, 'one.json').errors).toEqual([]);
    expect(readOurJson(one, 'one.json').records).toHaveLength(1);
    const mixed = '[{"entity": "Norway", "edition": 2024, "ratings": {"pr": 1, "cl": 1}}, {"b": 2}]';
    expect(readOurJson(mixed, 'x.json').errors.map((e) => e.code)).not.toContain('not-an-input');
  });
});
