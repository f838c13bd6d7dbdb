import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { FileFormatError } from './errors.js';

const rows = (text: string) => parseCsv(text, 'f.csv').rows;

describe('parseCsv', () => {
  it('reads plain whole numbers as numbers and keeps everything else as text', () => {
    expect(rows('a,b,c,d,e\n1,007,-3,2.5,0\n')).toEqual([
      { number: 1, cells: ['a', 'b', 'c', 'd', 'e'] },
      { number: 2, cells: [1, '007', '-3', '2.5', 0] },
    ]);
  });

  it('handles quotes, doubled quotes, embedded line breaks and the line each row starts on', () => {
    expect(rows('x,y\n"a,""b""","multi\nline"\n3,4')).toEqual([
      { number: 1, cells: ['x', 'y'] },
      { number: 2, cells: ['a,"b"', 'multi\nline'] },
      { number: 4, cells: [3, 4] },
    ]);
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    expect(rows('\uFEFFa,b\r\n1,2\r\n')).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: [1, 2] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows('a,,c,\n')).toEqual([{ number: 1, cells: ['a', '', 'c', ''] }]);
  });

  it('names the line and column of an unclosed quote or text after a closing quote', () => {
    expect(() => rows('a\n"open')).toThrow('f.csv, line 2, column 1: a quoted field is never closed');
    expect(() => rows('x,y\n1,"a"b')).toThrow('f.csv, line 2, column 2: unexpected text after a closing quote');
  });

  it('keeps the place of the problem as data, not only in the message', () => {
    const error = (() => {
      try {
        rows('a,b,c\n1,2,3\n4,5,"open\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).problem).toEqual({
      code: 'unclosed-quote',
      location: { file: 'f.csv', sheet: null, columns: 'numbers', row: 3, column: 2 },
      message: 'a quoted field is never closed',
    });
  });
});
