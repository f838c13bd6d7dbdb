import type { CellLocation, FhRecord, InputError } from '@freedom-ratings/core';
import type { NarrativeSection } from '@freedom-ratings/core';

/** One narrative text as read from a file, before it is matched to an assessment. */
export interface NarrativeRecord {
  location: CellLocation;
  entity: string;
  edition: number;
  section: NarrativeSection;
  /** Indicator, subcategory or discretionary code; '' for whole-report sections. */
  code: string;
  body: string;
}

/** Official question wording for one code in one edition. */
export interface QuestionRecord {
  location: CellLocation;
  edition: number;
  code: string;
  wording: string;
}

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
