import { describe, expect, it } from 'vitest';
import { formatInputError } from '../fh-files/table.js';
import { isNarrativeLines, readNarrativeLines } from './narrative-lines.js';

const line = (o: Record<string, unknown>) =>
  JSON.stringify({ year: 2013, edition: 2014, country: 'Kazakhstan', item: null, sub_item_description: null, ...o });

describe('the narrative JSON Lines file', () => {
  it('maps indicators, C4 (Add Q) and section names, and keeps one question wording per edition and code', () => {
    const text = [
      line({ sub_item: 'Overview', detail: 'An overview.' }),
      line({ sub_item: 'Key Developments', detail: 'Some developments.' }),
      line({ sub_item: 'A1', sub_item_description: 'Was the head elected?', detail: 'Not freely.' }),
      line({ country: 'Chile', sub_item: 'A1', sub_item_description: 'Was the head elected?', detail: 'Yes.' }),
      line({ sub_item: 'C4', sub_item_description: '(Added Question) Is the government changing…?', detail: 'No.' }),
      line({ sub_item: 'Rating Change', detail: 'Declined.' }),
    ].join('\n');
    expect(isNarrativeLines(text)).toBe(true);
    const read = readNarrativeLines(text, 'texts.jsonl');
    if (read.errors.length) throw new Error(read.errors.map(formatInputError).join('\n'));
    expect(read.narratives.map((n) => [n.entity, n.section, n.code, n.location.row])).toEqual([
      ['Kazakhstan', 'overview', '', 1],
      ['Kazakhstan', 'key-developments', '', 2],
      ['Kazakhstan', 'indicator', 'A1', 3],
      ['Chile', 'indicator', 'A1', 4],
      ['Kazakhstan', 'discretionary', 'Add Q', 5],
      ['Kazakhstan', 'ratings-change', '', 6],
    ]);
    expect(read.questions.map((q) => [q.edition, q.code, q.wording])).toEqual([
      [2014, 'A1', 'Was the head elected?'],
      [2014, 'Add Q', '(Added Question) Is the government changing…?'],
    ]);
  });

  it('names the line of every problem and returns nothing', () => {
    const text = [
      line({ sub_item: 'A1', detail: 'Fine.' }),
      '{"broken',
      line({ sub_item: 'Z9', detail: 'x' }),
      line({ edition: 1900, sub_item: 'A1', detail: 'x' }),
      line({ sub_item: 'A1', detail: 'Twice.' }),
    ].join('\n');
    const read = readNarrativeLines(text, 'texts.jsonl');
    expect(read.narratives).toEqual([]);
    expect(read.errors.map(formatInputError)).toEqual([
      'texts.jsonl, line 2, column 9: invalid JSON: unterminated string',
      'texts.jsonl, line 3: "sub_item": unknown item "Z9"; expected an indicator code A1…G4, C4 (Add Q) or a section name',
      'texts.jsonl, line 4: "edition": unknown edition 1900',
      'texts.jsonl, line 5: duplicate text for Kazakhstan 2014 A1 (first on line 1)',
    ]);
  });
});
