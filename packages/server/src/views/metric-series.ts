import { metricDefinition, metricValue } from '@freedom-ratings/core';
import { loadAssessments, scoreAssessment, type DatabaseHandle, type ScoredAssessment } from '@freedom-ratings/db';
import type { metricSeriesSchema } from '@freedom-ratings/contract';
import type { z } from 'zod';
import { attributionFor } from './attribution.js';
import { entityRef } from './entity-ref.js';
import { figuresOf } from './figures.js';

type Series = z.input<typeof metricSeriesSchema>;

/**
 * One metric of every entity in every published edition, in one compact
 * answer: the entities once, then per edition who was rated, their status
 * and their value. The map loads it once per metric so that moving the
 * edition slider anywhere repaints without asking the server again.
 */
export async function metricSeries(db: DatabaseHandle, key: string): Promise<Series> {
  const metric = metricDefinition(key)!;
  const byEdition = new Map<number, ScoredAssessment[]>();
  for (const stored of await loadAssessments(db, { publishedOnly: true })) {
    const list = byEdition.get(stored.row.edition) ?? [];
    list.push(scoreAssessment(stored));
    byEdition.set(stored.row.edition, list);
  }
  const entities: Series['entities'] = [];
  const index = new Map<string, number>();
  const indexOf = (s: ScoredAssessment) => {
    let i = index.get(s.entity.id);
    if (i === undefined) {
      i = entities.push({ ...entityRef(s.entity), kind: s.row.kind }) - 1;
      index.set(s.entity.id, i);
    }
    return i;
  };
  const editions = [...byEdition.keys()]
    .sort((a, b) => a - b)
    .map((edition) => {
      const scored = byEdition.get(edition)!;
      const entry: Series['editions'][number] = {
        edition,
        rated: [],
        status: [],
        values: [],
        source: attributionFor(scored),
      };
      for (const s of scored) {
        const figures = figuresOf(s);
        if (!figures) continue;
        entry.rated.push(indexOf(s));
        entry.status.push(figures.status);
        entry.values.push(metricValue(figures, metric));
      }
      return entry;
    });
  return { metric: metric.key, entities, editions };
}
