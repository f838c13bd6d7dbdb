import { layOut, type ReportBlock } from './document.js';
import { layoutForEdition, type ReportLayout } from './layout.js';
import type { Report } from './model.js';

/**
 * A report as Markdown: the same lines as the text layout, with headings
 * for the report's sections and a table for the header figures. Text is
 * escaped so that nothing in a narrative turns into markup; `parseReport`
 * reads the result back.
 */
export function renderMarkdown(report: Report, layout: ReportLayout = layoutForEdition(report.edition)): string {
  return renderMarkdownBlocks(layOut(report, layout), 'Source: Freedom House, Freedom in the World.');
}

/** Laid-out blocks as Markdown, ending with the data's attribution. */
export function renderMarkdownBlocks(blocks: readonly ReportBlock[], attribution: string): string {
  const parts = blocks.map(blockMarkdown);
  parts.push(`*${escapeMarkdown(attribution)}*`);
  return parts.join('\n\n') + '\n';
}

function blockMarkdown(b: ReportBlock): string {
  switch (b.role) {
    case 'title':
      return `# ${escapeMarkdown(b.lines[0])}`;
    case 'figures':
      return [
        '| Figure | Value |',
        '|---|---|',
        ...b.rows.map((r) => `| ${escapeMarkdown(r.label)} | ${escapeMarkdown(r.value)} |`),
      ].join('\n');
    case 'heading': {
      const [first, ...rest] = b.lines.map(escapeMarkdown);
      // A 2020 indicator is three lines (code, question, score); the question and score become paragraphs.
      return [`${'#'.repeat(b.level)} ${first}`, ...rest].join('\n\n');
    }
    case 'bullets':
      return b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n');
    case 'legend':
      return b.lines.map(escapeMarkdown).join('  \n');
    case 'paragraph':
      return escapeMarkdown(b.lines[0]);
  }
}

/** Backslash-escapes what Markdown would read as markup, at the start of a line or anywhere. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s)/, (m) => `\\${m}`);
}
