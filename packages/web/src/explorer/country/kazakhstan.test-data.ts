import {
  assess,
  checkTrendArrow,
  compareWithPrevious,
  editionInfo,
  explain,
  methodologyFor,
  type SubcategoryScores,
} from '@freedom-ratings/core';
import type { Figures } from '../../api/client.js';
import { assessmentInputOf } from './assessment-input.js';
import type { CountryReport, EntityHistory } from '../../api/client.js';

/*
 * Kazakhstan's published figures for FIW 2013 and 2014 (Freedom House's
 * subcategory file), shaped as the API answers them, with the explanation and
 * trend-arrow check made by core the way the server makes them.
 */
const entity = { id: 'kazakhstan', name: 'Kazakhstan', kind: 'country' as const, code: 'KAZ', iso3: 'KAZ' };

function figures(subcategories: SubcategoryScores, pr: number, cl: number, trendArrow: 'down' | null): Figures {
  return {
    granularity: 'subcategories',
    status: 'NF',
    prRating: 6,
    clRating: 5,
    freedomRating: 5.5,
    pr,
    cl,
    total: pr + cl,
    subcategories,
    indicators: null,
    addQ: 0,
    addA: 0,
    trendArrow,
    electoralDemocracy: false,
    categories: null,
  };
}

export const KAZ_2013 = figures({ A: 2, B: 3, C: 1, D: 5, E: 3, F: 4, G: 8 }, 6, 20, null);
export const KAZ_2014 = figures({ A: 2, B: 3, C: 1, D: 4, E: 3, F: 4, G: 8 }, 6, 19, 'down');

const summary = (edition: number) => {
  const e = editionInfo(edition)!;
  return { ...e, methodology: `fiw-${edition}` };
};

export function kazakhstanReport(edition: 2013 | 2014, narratives: CountryReport['narratives'] = []): CountryReport {
  const f = edition === 2014 ? KAZ_2014 : KAZ_2013;
  const m = methodologyFor(edition)!;
  const input = assessmentInputOf(entity.name, entity.kind, edition, f);
  const derived = assess(input).figures!;
  const e = explain(derived, m);
  const prevInput = assessmentInputOf(entity.name, entity.kind, 2013, KAZ_2013);
  const changes =
    edition === 2014
      ? compareWithPrevious({ input, figures: derived }, { input: prevInput, figures: assess(prevInput).figures! })
      : null;
  return {
    entity,
    edition: summary(edition),
    region: 'Eurasia',
    figures: f,
    change: changes && {
      fromEdition: 2013,
      pr: changes.pr,
      cl: changes.cl,
      total: changes.total,
      freedomRating: changes.freedomRating,
      prRating: changes.prRating.direction,
      clRating: changes.clRating.direction,
      status: changes.status,
      indicators: {},
      subcategories: changes.subcategories as Record<string, number>,
    },
    trendArrow: checkTrendArrow(f.trendArrow, changes, m.trendArrow),
    explanation: {
      pr: e.pr!.text,
      cl: e.cl!.text,
      status: e.status.text,
      electoralDemocracy: e.electoralDemocracy,
      categories: null,
    },
    questions: {},
    narratives,
    source: 'Source: Freedom House, Freedom in the World',
  };
}

export const KAZAKHSTAN_HISTORY: EntityHistory = {
  entity,
  history: [
    { edition: summary(2013), region: 'Eurasia', figures: KAZ_2013, change: null },
    { edition: summary(2014), region: 'Eurasia', figures: KAZ_2014, change: kazakhstanReport(2014).change },
  ],
  successions: [],
  source: 'Source: Freedom House, Freedom in the World',
};
