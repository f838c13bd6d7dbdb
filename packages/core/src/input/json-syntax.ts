import type { CellLocation, InputError } from '../fh-files/table.js';

/**
 * Where a JSON text first goes wrong, as line and column. JSON.parse on
 * Node 20 does not always say where; a person fixing a file needs the line.
 * Only called after JSON.parse has failed, so it favours clarity over speed.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string): JsonSyntaxError => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return { line, column: i - before.lastIndexOf('\n'), message };
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n\uFEFF'.includes(text[i]!)) i++;
  };
  const value = (): JsonSyntaxError | undefined => {
    ws();
    const c = text[i];
    if (c === undefined) return fail('unexpected end of input');
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return undefined;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') return fail(`expected a quoted key, found ${show(text[i])}`);
          const e = string();
          if (e) return e;
          ws();
          if (text[i] !== ':') return fail(`expected ":", found ${show(text[i])}`);
          i++;
        }
        const e = value();
        if (e) return e;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return undefined;
        }
        return fail(`expected "," or "${close}", found ${show(text[i])}`);
      }
    }
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) return fail(`unexpected ${show(c)}`);
    i += m[0].length;
    return undefined;
  };
  const string = (): JsonSyntaxError | undefined => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\') i += 2;
      else if (c === '"') {
        i++;
        return undefined;
      } else if (c === '\n') return fail('line break inside a string');
      else i++;
    }
    return fail('unterminated string');
  };
  const e = value();
  if (e) return e;
  ws();
  return i < text.length ? fail(`unexpected ${show(text[i])} after the end of the data`) : undefined;
}

function show(c: string | undefined): string {
  return c === undefined ? 'end of input' : JSON.stringify(c);
}

/**
 * A syntax error located by line (offset by `firstLine` for one line of JSON
 * Lines) and column, both in the location rather than the message.
 */
export function jsonSyntaxProblem(
  text: string,
  e: unknown,
  at: (line: number) => CellLocation,
  firstLine: number,
): InputError {
  const where = findJsonSyntaxError(text);
  if (!where)
    return { location: at(firstLine), message: `invalid JSON: ${(e as Error).message}`, code: 'invalid-json' };
  return {
    location: { ...at(firstLine + where.line - 1), column: where.column - 1 },
    message: `invalid JSON: ${where.message}`,
    code: 'invalid-json',
  };
}
