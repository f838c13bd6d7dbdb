import type { Granularity, Rating, Status, SubcategoryScores } from '../types.js';

/** Everything the engine derives for one assessment. */
export interface DerivedFigures {
  granularity: Granularity;
  subcategories: SubcategoryScores | null;
  pr: number | null;
  cl: number | null;
  total: number | null;
  prRating: Rating;
  clRating: Rating;
  /** Mean of the two ratings: 1.0, 1.5, … 7.0. */
  freedomRating: number;
  status: Status | null;
  /** How the status was reached: computed from the rule, taken as stated, or not decidable. */
  statusBasis: 'rule' | 'stated' | 'undetermined';
  /** null where the edition's rule is unknown, for territories, or without subcategory scores. */
  electoralDemocracy: boolean | null;
}
