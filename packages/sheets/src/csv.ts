import type { Cell, FileProblemCode, Table, TableRow } from '@freedom-ratings/core';
import { FileFormatError } from './errors.js';

/**
 * RFC 4180 CSV: quoted fields with doubled quotes and embedded line breaks,
 * CRLF or LF, an optional UTF-8 byte-order mark. Each row keeps the line it
 * starts on, which is what a person looks for in an editor. Unquoted fields
 * that are plain whole numbers (digits only, no leading zero) come back as
 * numbers, as they would from an XLSX cell; everything else stays text.
 * Hand-written rather than csv-parse because it is one pass that also tracks
 * lines and numbers, and start-up time counts for `fiw check`.
 */
export function parseCsv(text: string, file: string): Table {
  const rows: TableRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const cells: Cell[] = [];
    const rowLine = line;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x22 /* " */) {
        const start = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) throw csvError('unclosed-quote', file, start, cells.length, 'a quoted field is never closed');
          for (let k = from; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 0x22) {
            value += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== 0x2c && next !== 0x0a && next !== 0x0d) {
          throw csvError('text-after-quote', file, line, cells.length, 'unexpected text after a closing quote');
        }
        cells.push(value);
      } else {
        // Scan to the end of the field, computing its value as a number while it is one.
        const start = i;
        let v = 0;
        const after = text.charCodeAt(i + 1);
        let numeric =
          (c >= 0x31 && c <= 0x39) ||
          (c === 0x30 && (after === 0x2c || after === 0x0a || after === 0x0d || i + 1 === n));
        let k = i;
        for (; k < n; k++) {
          const ch = text.charCodeAt(k);
          if (ch === 0x2c || ch === 0x0a || ch === 0x0d) break;
          if (numeric) {
            const d = ch - 48;
            if (d >= 0 && d <= 9 && k - start < 15) v = v * 10 + d;
            else numeric = false;
          }
        }
        cells.push(numeric ? v : text.slice(start, k));
        i = k;
      }
      const sep = text.charCodeAt(i);
      if (sep === 0x2c) {
        i++;
        continue;
      }
      if (sep === 0x0d) i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      else if (sep === 0x0a) i++;
      if (i <= n) line++;
      break;
    }
    rows.push({ number: rowLine, cells });
  }
  return { file, sheet: null, columns: 'numbers', rows };
}

/** A broken field, at the line where it starts and its position in the row. */
function csvError(code: FileProblemCode, file: string, line: number, column: number, message: string): FileFormatError {
  return new FileFormatError(code, { file, sheet: null, columns: 'numbers', row: line, column }, message);
}
