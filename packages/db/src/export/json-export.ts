import { NARRATIVE_SECTION_NAMES } from '@freedom-ratings/core';
import type { ScoredAssessment } from '../repositories/assessments.js';

/**
 * Our JSON: one object per assessment, indicator codes as keys, narratives
 * alongside, in the shape `fiw score` and `fiw import` read back. Keys come
 * out in a fixed order so the same data always gives the same bytes (a
 * release's checksum is taken over this text).
 */
export function assessmentJson(a: ScoredAssessment): Record<string, unknown> {
  const i = a.input;
  const o: Record<string, unknown> = {
    entity: a.entity.name,
    edition: a.row.edition,
    kind: a.row.kind,
    region: a.row.region,
  };
  if (i.indicators) o.indicators = i.indicators;
  if (i.subcategories) o.subcategories = i.subcategories;
  if (i.aggregates) o.aggregates = i.aggregates;
  if (i.ratings) o.ratings = i.ratings;
  if (i.discretionary && Object.keys(i.discretionary).length > 0) {
    // Another index's answers (FIW's are Add Q and Add A, below): stored beside its scores.
    o.discretionary = i.discretionary;
  } else if (a.row.granularity === 'indicators' || a.row.granularity === 'subcategories') {
    o.addQ = i.addQ ?? 0;
    o.addA = i.addA ?? null;
  }
  if (i.status) o.status = i.status;
  if (i.trendArrow) o.trendArrow = i.trendArrow;
  if (i.electoralDemocracyOverride !== null && i.electoralDemocracyOverride !== undefined) {
    o.electoralDemocracyOverride = i.electoralDemocracyOverride;
  }
  if (a.narratives.length) {
    const narrative: Record<string, unknown> = {};
    for (const n of a.narratives) {
      const key = NARRATIVE_SECTION_NAMES[n.section].json;
      if (n.code === '') narrative[key] = n.body;
      else ((narrative[key] ??= {}) as Record<string, string>)[n.code] = n.body;
    }
    o.narrative = narrative;
  }
  return o;
}

export function jsonText(assessments: readonly ScoredAssessment[]): string {
  return `[\n${assessments.map((a) => JSON.stringify(assessmentJson(a))).join(',\n')}\n]\n`;
}
