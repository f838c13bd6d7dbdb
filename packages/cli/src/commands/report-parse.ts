import { EXIT_OK } from '../errors.js';
import { loadReport } from './report-input.js';

/** `fiw report parse`: a report's text (any layout; text, Markdown or HTML) as report JSON. */
export async function reportParseCommand(path: string): Promise<number> {
  const { report } = await loadReport(path);
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return EXIT_OK;
}
