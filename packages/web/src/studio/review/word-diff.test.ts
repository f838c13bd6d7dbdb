import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, wordDiff } from './word-diff.js';

/** Length of the longest common subsequence of tokens, by the textbook table: what a shortest diff keeps. */
function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

const join = (segments: ReturnType<typeof wordDiff>, keep: 'added' | 'removed') =>
  segments
    .filter((s) => s.kind === 'same' || s.kind === keep)
    .map((s) => s.text)
    .join('');

describe('word diff', () => {
  it('marks the words that changed', () => {
    expect(wordDiff('The court ruled against the opposition.', 'The court ruled for the opposition.')).toEqual([
      { kind: 'same', text: 'The court ruled ' },
      { kind: 'removed', text: 'against' },
      { kind: 'added', text: 'for' },
      { kind: 'same', text: ' the opposition.' },
    ]);
  });

  it('handles texts added or removed whole, and unchanged texts', () => {
    expect(wordDiff('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(wordDiff('Old', '')).toEqual([{ kind: 'removed', text: 'Old' }]);
    expect(wordDiff('Same words', 'Same words')).toEqual([{ kind: 'same', text: 'Same words' }]);
  });

  it('joins back to both texts and keeps as many words as the longest common subsequence', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'media', 'court', ' ', '\n', '.'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (x, y) => {
        const before = x.join('');
        const after = y.join('');
        const d = wordDiff(before, after);
        expect(join(d, 'removed')).toBe(before);
        expect(join(d, 'added')).toBe(after);
        for (let i = 1; i < d.length; i++) expect(d[i]!.kind === d[i - 1]!.kind).toBe(false);
        const kept = d.filter((s) => s.kind === 'same').reduce((n, s) => n + tokenize(s.text).length, 0);
        // Each shared run is a contiguous slice of the old text, so re-splitting it counts its tokens exactly.
        expect(kept).toBe(lcs(tokenize(before), tokenize(after)));
      }),
    );
  });

  it('diffs long narratives quickly (a 5,000-word text with scattered edits)', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `word${i % 97}`).join(' ');
    const after = before.replace(/word13 /g, 'changed ');
    const d = wordDiff(before, after);
    expect(join(d, 'added')).toBe(after);
    expect(d.filter((s) => s.kind === 'added').length).toBeGreaterThan(10);
  });
});
