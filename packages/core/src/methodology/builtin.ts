import { CL_BANDS, PR_BANDS } from './bands.js';
import { editionInfo, EDITIONS } from './editions.js';
import type {
  DiscretionaryQuestion,
  ElectoralDemocracyRule,
  Methodology,
  StatusRule,
  TrendArrowRule,
} from './methodology.js';

/*
 * The rules of each built-in edition, from the methodology notes (checked
 * against FH's own data for every record where data exists). Where the record
 * does not settle a rule, the rule says so instead of guessing.
 */

const ADD_A: DiscretionaryQuestion = {
  label: 'Add A',
  effect: 'adds',
  max: 4,
  summary:
    'For a traditional monarchy without parties or elections: does the ruler consult the people, allow discussion of policy and accept petitions?',
};

const addQ = (label: 'Add B' | 'Add Q'): DiscretionaryQuestion => ({
  label,
  effect: 'subtracts',
  max: 4,
  summary:
    'Is the government or occupying power deliberately changing the ethnic composition of the country or territory to destroy a culture or tip the political balance?',
});

const STATUS_BY_RATING: StatusRule = { kind: 'freedom-rating', freeMax: 2.5, partlyFreeMax: 5.0 };

const STATUS_FIW_2003: StatusRule = {
  kind: 'freedom-rating-with-raw-points',
  freeMax: 2.5,
  partlyFreeMax: 5.5,
  undecided: [5.5],
  note: 'In FIW 2003 a Freedom Rating of 5.5 was Partly Free or Not Free depending on raw points; the cut-off was not published, so a 5.5 needs a stated status.',
};

const STATUS_STATED: StatusRule = {
  kind: 'stated',
  note: 'Before FIW 2003 the status was set on raw points that are not published (3.0–5.5 was mostly Partly Free, with exceptions at every boundary); the status can only be taken as stated.',
};

function electoralDemocracy(edition: number): ElectoralDemocracyRule {
  if (edition >= 2006 && edition <= 2016) {
    return {
      kind: 'thresholds',
      minA: 7,
      minPR: 20,
      minCL: null,
      note: 'Countries only. Electoral Process (A) at least 7 and Political Rights at least 20; qualitative disqualifiers (e.g. power held by an unelected authority) can override.',
    };
  }
  if (edition >= 2019) {
    return {
      kind: 'thresholds',
      minA: 7,
      minPR: 20,
      minCL: 30,
      note: 'Countries only. Electoral Process (A) at least 7, Political Rights at least 20 and Civil Liberties at least 30; qualitative disqualifiers can override.',
    };
  }
  if (edition === 2017 || edition === 2018) {
    return {
      kind: 'undetermined',
      note: `Whether the Civil Liberties minimum of 30 applied in FIW ${edition} is not established by the published record.`,
    };
  }
  return {
    kind: 'undetermined',
    note: 'The numeric rule for this edition is not established by the published record.',
  };
}

function trendArrow(edition: number): TrendArrowRule {
  return edition >= 2018
    ? {
        kind: 'net-score-change',
        note: 'An arrow must be tied to a net change in the total score in its direction; it may accompany a ratings change.',
      }
    : {
        kind: 'without-rating-change',
        note: 'An arrow marks a trend not large enough to change a rating; it is not given together with a PR or CL rating change.',
      };
}

function build(edition: number): Methodology {
  const scored = edition >= 2003;
  return {
    id: `fiw-${edition}`,
    edition,
    name: `Freedom in the World ${editionInfo(edition)?.label ?? edition}`,
    scored,
    checklist: !scored ? null : edition >= 2018 ? 'fiw-2018' : 'fiw-2003',
    discretionary: {
      addA: scored && edition <= 2017 ? ADD_A : null,
      addQ: !scored ? null : edition >= 2018 ? addQ('Add Q') : addQ('Add B'),
    },
    prBands: PR_BANDS,
    clBands: CL_BANDS,
    status: edition >= 2004 ? STATUS_BY_RATING : edition === 2003 ? STATUS_FIW_2003 : STATUS_STATED,
    electoralDemocracy: electoralDemocracy(edition),
    trendArrow: trendArrow(edition),
  };
}

const BUILT_IN = new Map<number, Methodology>(EDITIONS.map((e) => [e.edition, build(e.edition)]));

/** The built-in rules for an edition, or undefined for an unknown edition. */
export function methodologyFor(edition: number): Methodology | undefined {
  return BUILT_IN.get(edition);
}
