/** One run of a word-level diff: text both versions share, or text only one has. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words and the whitespace between them, so the pieces join back to the exact text. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * The shortest edit script between two token lists (Myers' O(ND) algorithm),
 * as the indices of kept tokens. Common prefix and suffix are taken off
 * first, which is most of a revised narrative.
 */
function keptPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    // Only diagonals -d..d can be reached in d steps: keeping just those keeps memory at O(D²).
    trace.push(v.slice(max - d, max + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const at = (diagonal: number) => vd[diagonal + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      pairs.push([x - 1, y - 1]);
      x--;
      y--;
    }
    if (d === 0) break;
    x = prevX;
    y = prevY;
  }
  return pairs.reverse();
}

/**
 * Word-level diff of two texts, for reviewing a narrative between two
 * versions: runs of shared, removed and added text that join back to the
 * old text (same + removed) and to the new one (same + added).
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of keptPairs(midA, midB)) {
    push('removed', midA.slice(i, pi).join(''));
    push('added', midB.slice(j, pj).join(''));
    push('same', midA[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  push('removed', midA.slice(i).join(''));
  push('added', midB.slice(j).join(''));
  push('same', a.slice(endA).join(''));
  return segments;
}
