import {
  checkReport,
  layoutForEdition,
  renderHtml,
  renderMarkdown,
  renderText,
  type ReportLayout,
} from '@freedom-ratings/core';
import { EXIT_OK } from '../errors.js';
import { loadReport } from './report-input.js';

export type ReportFormat = 'text' | 'md' | 'html';

export interface ReportRenderOptions {
  layout?: ReportLayout;
  format: ReportFormat;
}

export const RENDERERS = { text: renderText, md: renderMarkdown, html: renderHtml } as const;

/**
 * `fiw report render`: report JSON (or a report's text) in an era's layout, as text, Markdown or HTML.
 * A report whose figures disagree with each other or with the methodology is still rendered as it is,
 * with each disagreement on stderr, so nobody publishes one without being told.
 */
export async function reportRenderCommand(path: string, options: ReportRenderOptions): Promise<number> {
  const { name, report, lines } = await loadReport(path);
  for (const f of checkReport(report, lines))
    process.stderr.write(`${name}${f.line === null ? '' : `:${f.line}`}: warning: ${f.message}\n`);
  const layout = options.layout ?? layoutForEdition(report.edition);
  process.stdout.write(RENDERERS[options.format](report, layout));
  return EXIT_OK;
}
