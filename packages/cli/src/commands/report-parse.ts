import { addConsistencyDiagnostics } from '@freedom-ratings/core';
import { EXIT_OK } from '../errors.js';
import { loadReport } from './report-input.js';

/** `fiw report parse`: a report's text (any layout; text, Markdown or HTML) as report JSON. */
export async function reportParseCommand(path: string): Promise<number> {
  const { report, lines, source } = await loadReport(path);
  if (source === 'text') addConsistencyDiagnostics(report, lines);
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return EXIT_OK;
}
