import { wordDiff } from './word-diff.js';

/** A text's changes word by word: removed words struck through, added ones marked, both said in words for screen readers. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <span class="word-diff">
      {wordDiff(before, after).map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === 'added' ? (
          <ins key={i}>
            <span class="visually-hidden">[added: </span>
            {s.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i}>
            <span class="visually-hidden">[removed: </span>
            {s.text}
            <span class="visually-hidden">]</span>
          </del>
        ),
      )}
    </span>
  );
}
