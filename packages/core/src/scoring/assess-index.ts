import type { AssessmentInput } from '../assessment-input.js';
import type { Methodology } from '../methodology/methodology.js';
import { indexInputOf } from './score.js';
import { scoreIndex, type IndexScored } from './score-index.js';

/**
 * Scores an assessment of a methodology of any shape (five categories, 0–10
 * scales, a status from the total) with `scoreIndex`: what import, the public
 * API and the explorer use where `assess`, which reads FIW's PR and CL, says
 * `unsupported-methodology`. Indicator or subcategory scores only.
 */
export function assessIndex(input: AssessmentInput, m: Methodology): IndexScored {
  const index = indexInputOf(input);
  // Our JSON and the stored row carry FIW's Add Q and Add A (0 and null when not given):
  // they are answers only where the methodology asks those questions.
  const asked = new Set(m.discretionary.map((q) => q.code));
  const discretionary = Object.fromEntries(
    Object.entries(index.discretionary ?? {}).filter(
      ([code, v]) => asked.has(code) || !((code === 'addQ' || code === 'addA') && !v),
    ),
  );
  return scoreIndex({ ...index, subcategories: input.indicators ? null : index.subcategories, discretionary }, m);
}
