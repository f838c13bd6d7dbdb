import {
  CATEGORIES,
  EDITIONS,
  editionInfo,
  formatBand,
  INDICATORS,
  LATEST_EDITION,
  methodologyFor,
  resolveEdition,
  SUBCATEGORIES,
  type Methodology,
} from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';

export interface MethodologyOptions {
  format: 'text' | 'json';
}

/** `fiw methodology show [EDITION]`: the rules in force for an edition. */
export function methodologyShowCommand(editionText: string | undefined, options: MethodologyOptions): number {
  const info = editionText === undefined ? editionInfo(LATEST_EDITION) : resolveEdition(editionText);
  const m = info && methodologyFor(info.edition);
  if (!info || !m) {
    throw new UserError(
      `unknown edition "${editionText}"; known editions: ${EDITIONS[0]!.label} … ${LATEST_EDITION} (see \`fiw methodology list\`)`,
    );
  }
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ edition: info, methodology: m }, null, 2) + '\n');
  } else {
    process.stdout.write(describeMethodology(m, info.periodStart, info.periodEnd) + '\n');
  }
  return EXIT_OK;
}

/** `fiw methodology list`: every edition with its label and period under review. */
export function methodologyListCommand(options: MethodologyOptions): number {
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(EDITIONS, null, 2) + '\n');
    return EXIT_OK;
  }
  const lines = EDITIONS.map((e) => {
    const m = methodologyFor(e.edition)!;
    return `${String(e.edition).padEnd(6)}${e.label.padEnd(16)}${e.periodStart} – ${e.periodEnd}  ${m.scored ? 'scores' : 'ratings only'}`;
  });
  process.stdout.write(['key   label           period under review        data', ...lines].join('\n') + '\n');
  return EXIT_OK;
}

function describeMethodology(m: Methodology, start: string, end: string): string {
  const out: string[] = [`${m.name}`, `Period under review: ${start} to ${end}`, ''];
  if (!m.scored) {
    out.push('Scores: none published. Editions before FIW 2003 used a different, unpublished checklist;');
    out.push('only the 1–7 ratings and the status are recorded.');
  } else {
    out.push(
      `Checklist: 25 indicators scored 0–4 (${m.checklist === 'fiw-2018' ? 'FIW 2018 wording' : 'FIW 2003–2017 wording'})`,
    );
    for (const cat of Object.values(CATEGORIES)) {
      out.push(`  ${cat.name} (${cat.code}), max ${cat.max}`);
      for (const code of cat.subcategories) {
        const s = SUBCATEGORIES[code];
        out.push(`    ${s.code}. ${s.name} (max ${s.max})`);
        for (const i of s.indicators) out.push(`       ${i}  ${INDICATORS[i].title}`);
      }
    }
    out.push('', 'Discretionary questions:');
    const { addA, addQ } = m.discretionary;
    if (addQ) out.push(`  ${addQ.label}: subtracts 0–${addQ.max} from PR. ${addQ.summary}`);
    if (addA) out.push(`  ${addA.label}: adds 0–${addA.max} to PR. ${addA.summary}`);
    else out.push('  Add A: eliminated in FIW 2018.');
    out.push(
      '',
      `PR = A + B + C − ${addQ?.label ?? 'Add Q'}${addA ? ' + Add A' : ''} (can be negative); CL = D + E + F + G; Total = PR + CL`,
    );
    out.push('', 'Rating bands:', '  rating  PR aggregate  CL aggregate');
    for (let i = 0; i < 7; i++) {
      out.push(
        `  ${String(m.prBands[i]!.rating).padEnd(8)}${formatBand(m.prBands[i]!).padEnd(14)}${formatBand(m.clBands[i]!)}`,
      );
    }
  }
  out.push('', 'Freedom Rating = (PR rating + CL rating) / 2', 'Status:');
  const s = m.status;
  if (s.kind === 'stated') out.push(`  ${s.note}`);
  else {
    out.push(
      `  Free: ${s.freeMax.toFixed(1)} or better; Partly Free: up to ${s.partlyFreeMax.toFixed(1)}; Not Free: worse`,
    );
    if (s.kind === 'freedom-rating-with-raw-points') out.push(`  ${s.note}`);
  }
  out.push('', 'Electoral democracy:');
  const e = m.electoralDemocracy;
  out.push(e.kind === 'undetermined' ? `  Undetermined. ${e.note}` : `  ${e.note}`);
  out.push('', 'Trend arrows:', `  ${m.trendArrow.note}`);
  return out.join('\n');
}
