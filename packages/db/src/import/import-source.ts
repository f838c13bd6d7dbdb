import type { FhRecord, InputError, NarrativeRecord, QuestionRecord } from '@freedom-ratings/core';

/** Everything one input file contributes to an import. */
export interface ImportSource {
  file: string;
  /** What kind of file it was, for the summary ("indicator scores", "ratings and statuses", …). */
  description: string;
  records: FhRecord[];
  narratives: NarrativeRecord[];
  questions: QuestionRecord[];
  /** Cells read by interpretation (e.g. split ratings), reported in the summary. */
  notes: InputError[];
}

/** Bad input: every problem found, each with file, sheet, row and column. Nothing was written. */
export class ImportInputError extends Error {
  constructor(readonly errors: readonly InputError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the input`);
    this.name = 'ImportInputError';
  }
}
