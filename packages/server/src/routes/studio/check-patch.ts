import { INDICATOR_CODES, INDICATORS, SUBCATEGORIES, SUBCATEGORY_CODES } from '@freedom-ratings/core';
import { loadAssessments, type AssessmentEdit } from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { invalidRequest } from '../../http/validation.js';

/** Only the level the assessment is scored at can be written, within each code's maximum. */
export async function checkPatch(ctx: ServerContext, id: number, patch: Omit<AssessmentEdit, 'reason'>): Promise<void> {
  const [data] = await loadAssessments(ctx.conn.db, { ids: [id], publishedOnly: false });
  const granularity = data!.row.granularity;
  const problems: { path: string; message: string }[] = [];
  for (const [code, value] of Object.entries(patch.scores ?? {})) {
    if (granularity === 'indicators') {
      if (!(INDICATOR_CODES as readonly string[]).includes(code)) {
        problems.push({ path: `scores.${code}`, message: 'this assessment is scored by indicator (A1…G4)' });
      } else if (value! > INDICATORS[code as keyof typeof INDICATORS].max) {
        problems.push({
          path: `scores.${code}`,
          message: `at most ${INDICATORS[code as keyof typeof INDICATORS].max}`,
        });
      }
    } else if (granularity === 'subcategories') {
      if (!(SUBCATEGORY_CODES as readonly string[]).includes(code)) {
        problems.push({ path: `scores.${code}`, message: 'this assessment is scored by subcategory (A…G)' });
      } else if (value! > SUBCATEGORIES[code as keyof typeof SUBCATEGORIES].max) {
        problems.push({
          path: `scores.${code}`,
          message: `at most ${SUBCATEGORIES[code as keyof typeof SUBCATEGORIES].max}`,
        });
      }
    } else {
      problems.push({ path: `scores.${code}`, message: `a ${granularity}-only assessment has no scores to edit` });
    }
  }
  for (const [i, n] of (patch.narratives ?? []).entries()) {
    const expectsCode =
      n.section === 'indicator'
        ? (INDICATOR_CODES as readonly string[]).includes(n.code)
        : n.section === 'subcategory'
          ? (SUBCATEGORY_CODES as readonly string[]).includes(n.code)
          : n.section === 'discretionary'
            ? n.code === 'Add Q' || n.code === 'Add A'
            : n.code === '';
    if (!expectsCode)
      problems.push({ path: `narratives.${i}.code`, message: `"${n.code}" does not fit section ${n.section}` });
  }
  if (problems.length) {
    throw invalidRequest(problems.map((p) => ({ location: 'body', ...p })));
  }
}
