import { layOut, type ReportBlock } from './document.js';
import { layoutForEdition, type ReportLayout } from './layout.js';
import type { Report } from './model.js';

/**
 * A report as a standalone, accessible HTML page: one h1, headings in
 * order for categories, subcategories and indicators, the header figures in
 * a table with row headers, and print styles so that printing the page gives
 * a clean PDF. The text is the text layout's, so `parseReport` reads it back.
 */
export function renderHtml(report: Report, layout: ReportLayout = layoutForEdition(report.edition)): string {
  // Without an entity or edition the page still needs a heading; this one reads back as nothing.
  return renderHtmlBlocks(
    layOut(report, layout),
    'Source: Freedom House, Freedom in the World.',
    'Freedom in the World',
  );
}

/** Laid-out blocks as a standalone page, with the data's attribution in its footer. */
export function renderHtmlBlocks(blocks: readonly ReportBlock[], attribution: string, fallbackTitle: string): string {
  const titleBlock = blocks.find((b) => b.role === 'title');
  const title = titleBlock ? titleBlock.lines[0] : fallbackTitle;
  const body = blocks.map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
${titleBlock ? '' : `<h1>${escapeHtml(title)}</h1>\n`}${body}
<footer><p>${escapeHtml(attribution)}</p></footer>
</article>
</main>
</body>
</html>
`;
}

function blockHtml(b: ReportBlock): string {
  switch (b.role) {
    case 'title':
      return `<h1>${escapeHtml(b.lines[0])}</h1>`;
    case 'figures':
      return [
        '<table class="figures">',
        '<caption>Status, ratings and scores</caption>',
        '<tbody>',
        ...b.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
    case 'heading': {
      const id = b.id ? ` id="${b.id}"` : '';
      return `<h${b.level}${id}>${b.lines.map(escapeHtml).join('<br>\n')}</h${b.level}>`;
    }
    case 'bullets':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'legend':
      return `<p class="legend">${b.lines.map(escapeHtml).join('<br>\n')}</p>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.lines[0])}</p>`;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; font: 1rem/1.55 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #767676; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
table.figures { border-collapse: collapse; margin: 0 0 1.5rem; }
table.figures caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
table.figures th, table.figures td { border: 1px solid #767676; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
table.figures th { font-weight: normal; background: #f2f2f2; }
.legend { font-size: 0.9rem; color: #333; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #333; }
@page { margin: 2cm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table.figures, ul { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  table.figures th { background: none; }
}
`;
