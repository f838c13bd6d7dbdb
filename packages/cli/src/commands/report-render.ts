import { layoutForEdition, renderHtml, renderMarkdown, renderText, type ReportLayout } from '@freedom-ratings/core';
import { EXIT_OK } from '../errors.js';
import { loadReport } from './report-input.js';

export type ReportFormat = 'text' | 'md' | 'html';

export interface ReportRenderOptions {
  layout?: ReportLayout;
  format: ReportFormat;
}

export const RENDERERS = { text: renderText, md: renderMarkdown, html: renderHtml } as const;

/** `fiw report render`: report JSON (or a report's text) in an era's layout, as text, Markdown or HTML. */
export async function reportRenderCommand(path: string, options: ReportRenderOptions): Promise<number> {
  const { report } = await loadReport(path);
  const layout = options.layout ?? layoutForEdition(report.edition);
  process.stdout.write(RENDERERS[options.format](report, layout));
  return EXIT_OK;
}
