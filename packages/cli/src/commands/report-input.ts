import {
  findJsonSyntaxError,
  parseReportDetailed,
  reportFromJson,
  type FigureLines,
  type Report,
} from '@freedom-ratings/core';
import { UserError } from '../errors.js';
import { readInputBytes } from '../input/load.js';

export interface LoadedReport {
  name: string;
  report: Report;
  /** Lines of the figures, for a text report; empty for report JSON. */
  lines: FigureLines;
  source: 'json' | 'text';
}

/**
 * Reads a report file: report JSON (what `fiw report parse` prints) or a
 * report's text in any layout, as plain text, Markdown or HTML. Text is
 * parsed tolerantly; JSON must be well-formed and well-typed.
 */
export async function loadReport(path: string): Promise<LoadedReport> {
  const { bytes, name } = await readInputBytes(path);
  if (bytes.length === 0) throw new UserError(`${name}: the file is empty`);
  if (bytes.subarray(0, 8192).includes(0)) throw new UserError(`${name}: not a report (it holds binary data)`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const where = findJsonSyntaxError(text);
      throw new UserError(
        where
          ? `${name}, line ${where.line}, column ${where.column}: ${where.message}`
          : `${name}: not valid JSON (${(e as Error).message})`,
      );
    }
    const { report, errors } = reportFromJson(value);
    if (!report) throw new UserError(errors.map((e) => `${name}: ${e}`).join('\n'));
    return { name, report, lines: {}, source: 'json' };
  }
  const { report, lines } = parseReportDetailed(text);
  return { name, report, lines, source: 'text' };
}
