import { editionInfoForOpening, methodologyFor, type Methodology } from '@freedom-ratings/core';
import type { Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import type { Dialect } from '../connect.js';
import type { WriteContext } from '../repositories/revisions.js';
import { applyAssessmentChanges, createAssessments, StaleVersionError } from '../repositories/versioned-write.js';
import type { Database } from '../schema.js';
import { storeEntityDefinitions } from '../repositories/entity-registry.js';
import type { ImportPlan } from './plan.js';

/** An assessment changed while the import ran; the whole import is rolled back and can simply be run again. */
export class ConcurrentChangeError extends Error {
  constructor(readonly assessmentId: number) {
    super(`assessment ${assessmentId} was changed by someone else during the import; run the import again`);
    this.name = 'ConcurrentChangeError';
  }
}

export type ProgressListener = (done: number, total: number) => void;

/**
 * Writes a plan inside the caller's transaction: the entities, editions and
 * questions it needs, then its assessments through the one versioned write
 * path (the same optimistic check as a studio save), then a record of the
 * run. Nothing here commits: the caller does, once, at the end.
 */
export async function writePlan(
  t: Kysely<Database>,
  dialect: Dialect,
  plan: ImportPlan,
  context: {
    now: string;
    reason: string;
    files: string[];
    summary: unknown;
    /** The methodology a new edition is stored with; the built-in one where absent. */
    methodologies: ReadonlyMap<number, Methodology>;
  },
  onProgress: ProgressListener = () => undefined,
): Promise<void> {
  const by: WriteContext = { userId: null, now: context.now, reason: context.reason };
  const createdRows = plan.creates.reduce((n, c) => n + c.scores.length + c.narratives.length, 0);
  const total = plan.creates.length + createdRows + plan.updates.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    onProgress(Math.min(done, total), total);
  };

  await writeReferenceData(t, dialect, plan, context.now, context.methodologies);
  await createAssessments(t, dialect, plan.creates, by, advance);
  try {
    await applyAssessmentChanges(t, dialect, plan.updates, by);
  } catch (e) {
    // If someone saved an assessment after the import read it, the import's changes were computed from stale data.
    if (e instanceof StaleVersionError) throw new ConcurrentChangeError(e.assessmentId);
    throw e;
  }
  advance(plan.updates.length);
  await t
    .insertInto('import_runs')
    .values({ at: context.now, files: JSON.stringify(context.files), summary: JSON.stringify(context.summary) })
    .execute();
}

/** The entities, editions and question wording the plan's assessments refer to. */
async function writeReferenceData(
  t: Kysely<Database>,
  dialect: Dialect,
  plan: ImportPlan,
  now: string,
  methodologies: ReadonlyMap<number, Methodology>,
): Promise<void> {
  // Built-in entities a newer release knows and this database does not yet.
  await storeEntityDefinitions(t, plan.newEntities, null);
  const published = plan.state === 'published';
  await bulkInsert(
    t,
    dialect,
    'editions',
    plan.newEditions.map((edition) => {
      // 2027 on is labelled by its year, as `fiw methodology new` and the studio open it.
      const info = editionInfoForOpening(edition)!;
      const methodology = methodologies.get(edition) ?? methodologyFor(edition);
      return {
        edition,
        label: info.label,
        period_start: info.periodStart,
        period_end: info.periodEnd,
        year_under_review: info.yearUnderReview,
        methodology: methodology?.id ?? `fiw-${edition}`,
        methodology_version: methodology?.version ?? 1,
        state: published ? ('published' as const) : ('open' as const),
        release_checksum: null,
        published_at: published ? now : null,
        created_at: now,
      };
    }),
  );
  await bulkInsert(
    t,
    dialect,
    'questions',
    plan.newQuestions.map((q) => ({ edition: q.edition, code: q.code, wording: q.wording })),
  );
  for (const q of plan.changedQuestions) {
    await t
      .updateTable('questions')
      .set({ wording: q.wording })
      .where('edition', '=', q.edition)
      .where('code', '=', q.code)
      .execute();
  }
}
