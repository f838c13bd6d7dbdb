import type { CellLocation } from '../fh-files/table.js';
import type { NarrativeSection } from '../vocabulary/narrative-sections.js';

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
