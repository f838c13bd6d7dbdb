import { layOut, type ReportBlock } from './document.js';
import { layoutForEdition, type ReportLayout } from './layout.js';
import type { Report } from './model.js';

/** A report as plain text in one era's layout (methodology notes §10); `parseReport` reads it back. */
export function renderText(report: Report, layout: ReportLayout = layoutForEdition(report.edition)): string {
  return renderTextBlocks(layOut(report, layout));
}

/** Laid-out blocks as plain text: FIW's layouts, or another index's report (`layOutIndexReport`). */
export function renderTextBlocks(blocks: readonly ReportBlock[]): string {
  return blocks.map(blockText).join('\n\n') + '\n';
}

function blockText(b: ReportBlock): string {
  switch (b.role) {
    case 'figures':
      return b.rows.flatMap((r) => r.lines).join('\n');
    case 'bullets':
      return b.items.map((i) => `  • ${i}`).join('\n');
    default:
      return b.lines.join('\n');
  }
}
