import { createHash } from 'node:crypto';
import type { Database } from '@freedom-ratings/db';
import type { Kysely } from 'kysely';
import { loadAssessments } from './assessment-data.js';

/**
 * The canonical JSON of an edition's published assessments: our JSON layout
 * (one object per assessment, score codes as keys, texts alongside), entities
 * in id order and keys in a fixed order, so the same data always gives the
 * same bytes and the same checksum.
 */
export async function canonicalRelease(
  db: Kysely<Database>,
  edition: number,
): Promise<{ canonical: string; checksum: string }> {
  const assessments = await loadAssessments(db, { edition, publishedOnly: true, withNarratives: true });
  assessments.sort((a, b) => (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0));
  const records = assessments.map((a) => {
    const r = a.row;
    const scores = Object.fromEntries(Object.entries(a.scores).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    return {
      entity: a.entity.name,
      entityId: a.entity.id,
      code: a.entity.code,
      edition: r.edition,
      kind: r.kind,
      region: r.region,
      granularity: r.granularity,
      ...scores,
      addQ: r.add_q,
      addA: r.add_a,
      aggregates: r.pr_aggregate === null ? null : { pr: r.pr_aggregate, cl: r.cl_aggregate },
      ratings: r.pr_rating === null ? null : { pr: r.pr_rating, cl: r.cl_rating },
      status: r.status,
      trendArrow: r.trend_arrow,
      narratives: a.narratives.map((n) => ({ section: n.section, code: n.code, body: n.body })),
    };
  });
  const canonical = JSON.stringify({ edition, assessments: records });
  return { canonical, checksum: createHash('sha256').update(canonical).digest('hex') };
}
