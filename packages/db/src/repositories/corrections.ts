import type { CorrectionState } from '@freedom-ratings/core';
import type { Kysely, Updateable } from 'kysely';
import type { Connection } from '../connect.js';
import { publishedForExport } from '../export/published-assessments.js';
import { releaseChanges, type ReleaseChange } from '../export/release-changes.js';
import type { CorrectionTable, Database, Entity } from '../schema.js';
import { inWriteTransaction } from '../write-transaction.js';
import type { AssessmentEdit } from './assessment-saves.js';
import { writeAssessmentEdit } from './assessment-saves.js';
import { loadAssessments, scoreAssessment, type StoredAssessment } from './assessments.js';
import { freezeRelease, releaseNumbers, releasesOf } from './releases.js';

/** What a correction changes: a studio edit without its reason (the correction has its own). */
export type CorrectionEdit = Omit<AssessmentEdit, 'reason'>;

/** A correction as the studio lists it. */
export interface CorrectionRecord {
  id: number;
  assessmentId: number;
  entity: Entity;
  edition: number;
  baseVersion: number;
  state: CorrectionState;
  edit: CorrectionEdit;
  reason: string;
  note: string | null;
  createdBy: { id: number; name: string };
  createdAt: string;
  updatedBy: { id: number; name: string };
  updatedAt: string;
  /** The release its publication made (its number within the edition). */
  release: number | null;
}

/** Why a correction cannot be made or moved; the server turns each into its API error. */
export class CorrectionRefusedError extends Error {
  constructor(
    readonly why: 'not-published' | 'no-change' | 'stale' | 'state',
    message: string,
  ) {
    super(message);
    this.name = 'CorrectionRefusedError';
  }
}

/** A published assessment with an edit applied in memory, as it would be published: for previews and checks. */
function withEdit(stored: StoredAssessment, edit: CorrectionEdit): StoredAssessment {
  const scores = { ...stored.scores };
  for (const [code, v] of Object.entries(edit.scores ?? {})) if (v !== undefined) scores[code] = v;
  const row = { ...stored.row };
  if (edit.addQ !== undefined) row.add_q = edit.addQ;
  if (edit.addA !== undefined) row.add_a = edit.addA;
  if (edit.trendArrow !== undefined) row.trend_arrow = edit.trendArrow;
  let narratives = [...stored.narratives];
  for (const n of edit.narratives ?? []) {
    narratives = narratives.filter((t) => t.section !== n.section || t.code !== n.code);
    if (n.body !== null) narratives.push({ section: n.section, code: n.code, body: n.body });
  }
  return { ...stored, row, scores, narratives };
}

/**
 * The published figures and texts an edit would change, old → new, as the
 * errata log will list them: computed by the engine from the published
 * assessment as it stands and with the edit applied.
 */
export async function correctionChanges(
  db: Kysely<Database>,
  assessmentId: number,
  edit: CorrectionEdit,
): Promise<ReleaseChange[]> {
  const [stored] = await loadAssessments(db, { ids: [assessmentId], publishedOnly: true, withNarratives: true });
  if (!stored) return [];
  const { corrections, additions } = releaseChanges(
    [scoreAssessment(stored)],
    [scoreAssessment(withEdit(stored, edit))],
  );
  return [...corrections, ...additions];
}

/** Proposes a correction to a published assessment; refused when the assessment is not published or the edit changes nothing. */
export async function proposeCorrection(
  conn: Connection,
  proposal: { assessmentId: number; edit: CorrectionEdit; reason: string; userId: number },
): Promise<number> {
  return inWriteTransaction(conn, async (trx) => {
    const version = await publishedVersion(trx, proposal.assessmentId);
    await checkChanges(trx, proposal.assessmentId, proposal.edit);
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('corrections')
      .values({
        assessment_id: proposal.assessmentId,
        base_version: version,
        state: 'submitted',
        edit: JSON.stringify(proposal.edit),
        reason: proposal.reason,
        note: null,
        created_by: proposal.userId,
        created_at: now,
        updated_by: proposal.userId,
        updated_at: now,
        release_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

async function publishedVersion(db: Kysely<Database>, assessmentId: number): Promise<number> {
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('editions as ed', 'ed.edition', 'a.edition')
    .select(['a.version', 'a.state', 'ed.state as edition_state'])
    .where('a.id', '=', assessmentId)
    .executeTakeFirst();
  if (!row || row.state !== 'published' || row.edition_state !== 'published') {
    throw new CorrectionRefusedError(
      'not-published',
      'Only a published assessment of a published edition is corrected this way; edit a draft directly.',
    );
  }
  return row.version;
}

async function checkChanges(db: Kysely<Database>, assessmentId: number, edit: CorrectionEdit): Promise<void> {
  if ((await correctionChanges(db, assessmentId, edit)).length === 0) {
    throw new CorrectionRefusedError('no-change', 'The correction changes no published figure or text.');
  }
}

/** Every correction, newest first; of one edition or in one state when asked. */
export async function listCorrections(
  db: Kysely<Database>,
  filter: { edition?: number; state?: CorrectionState; id?: number } = {},
): Promise<CorrectionRecord[]> {
  let query = db
    .selectFrom('corrections as c')
    .innerJoin('assessments as a', 'a.id', 'c.assessment_id')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .innerJoin('users as cu', 'cu.id', 'c.created_by')
    .innerJoin('users as uu', 'uu.id', 'c.updated_by')
    .select([
      'c.id',
      'c.assessment_id',
      'c.base_version',
      'c.state',
      'c.edit',
      'c.reason',
      'c.note',
      'c.created_by',
      'c.created_at',
      'c.updated_by',
      'c.updated_at',
      'c.release_id',
      'a.edition',
      'e.id as entity_id',
      'e.name as entity_name',
      'e.kind',
      'e.code',
      'e.iso3',
      'cu.name as created_name',
      'uu.name as updated_name',
    ])
    .orderBy('c.id', 'desc');
  if (filter.edition !== undefined) query = query.where('a.edition', '=', filter.edition);
  if (filter.state !== undefined) query = query.where('c.state', '=', filter.state);
  if (filter.id !== undefined) query = query.where('c.id', '=', filter.id);
  const rows = await query.execute();
  const numbers = await releaseNumbers(
    db,
    rows.filter((r) => r.release_id !== null).map((r) => r.edition),
  );
  return rows.map((r) => ({
    id: r.id,
    assessmentId: r.assessment_id,
    entity: { id: r.entity_id, name: r.entity_name, kind: r.kind, code: r.code, iso3: r.iso3 },
    edition: r.edition,
    baseVersion: r.base_version,
    state: r.state,
    edit: JSON.parse(r.edit) as CorrectionEdit,
    reason: r.reason,
    note: r.note,
    createdBy: { id: r.created_by, name: r.created_name },
    createdAt: r.created_at,
    updatedBy: { id: r.updated_by, name: r.updated_name },
    updatedAt: r.updated_at,
    release: r.release_id === null ? null : (numbers.get(r.release_id) ?? null),
  }));
}

/**
 * Moves a correction from one of `from` to `to` (a reviewer returning or
 * approving it, its author resubmitting it with a new edit). Refused with
 * `state` when someone moved it first.
 */
export async function moveCorrection(
  conn: Connection,
  id: number,
  move: {
    from: readonly CorrectionState[];
    to: CorrectionState;
    userId: number;
    note?: string | null;
    resubmitted?: { edit: CorrectionEdit; reason: string };
  },
): Promise<void> {
  await inWriteTransaction(conn, async (trx) => {
    const current = await trx.selectFrom('corrections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (!move.from.includes(current.state)) {
      throw new CorrectionRefusedError('state', `The correction is ${current.state}; it cannot move to ${move.to}.`);
    }
    const values: Updateable<CorrectionTable> = {
      state: move.to,
      updated_by: move.userId,
      updated_at: new Date().toISOString(),
    };
    if (move.note !== undefined) values.note = move.note;
    if (move.resubmitted) {
      values.base_version = await publishedVersion(trx, current.assessment_id);
      await checkChanges(trx, current.assessment_id, move.resubmitted.edit);
      values.edit = JSON.stringify(move.resubmitted.edit);
      values.reason = move.resubmitted.reason;
    }
    const moved = await trx
      .updateTable('corrections')
      .set(values)
      .where('id', '=', id)
      .where('state', '=', current.state)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw new CorrectionRefusedError('state', 'The correction changed while you acted on it; read it again.');
    }
  });
}

/**
 * Publishes an approved correction in one transaction: the edit through the
 * versioned write path (logged with the correction's reason), the edition's
 * next release, and an errata entry for each published value it changed.
 * Refused with `stale` when the assessment changed since the correction was
 * made (another correction published first): resubmit it against the new figures.
 */
export async function publishCorrection(
  conn: Connection,
  id: number,
  userId: number,
): Promise<{ release: number; checksum: string; errata: number }> {
  return inWriteTransaction(conn, async (trx) => {
    const c = await trx.selectFrom('corrections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (c.state !== 'approved') {
      throw new CorrectionRefusedError(
        'state',
        `The correction is ${c.state}; only an approved correction is published.`,
      );
    }
    const edition = (
      await trx.selectFrom('assessments').select('edition').where('id', '=', c.assessment_id).executeTakeFirstOrThrow()
    ).edition;
    const now = new Date().toISOString();
    // An edition published before releases were kept gets its release 1 now, as it stood: the correction is then release 2.
    if ((await releasesOf(trx, edition)).length === 0) await freezeRelease(trx, edition, { now, userId: null });
    const before = await publishedForExport(trx, { edition });
    const edit = JSON.parse(c.edit) as CorrectionEdit;
    const written = await writeAssessmentEdit(trx, conn.dialect, c.assessment_id, c.base_version, userId, {
      ...edit,
      reason: `correction ${id}: ${c.reason}`,
    });
    if (written.outcome === 'stale') {
      throw new CorrectionRefusedError(
        'stale',
        'The assessment changed since this correction was made (another correction was published): return it so its author can resubmit it against the published figures.',
      );
    }
    const difference = releaseChanges(before, await publishedForExport(trx, { edition }));
    const errata = [...difference.corrections, ...difference.additions];
    const frozen = await freezeRelease(trx, edition, {
      now,
      userId,
      reason: c.reason,
      errata,
    });
    const release = await trx
      .selectFrom('releases')
      .select('id')
      .where('edition', '=', edition)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('corrections')
      .set({ state: 'published', updated_by: userId, updated_at: now, release_id: release.id })
      .where('id', '=', id)
      .execute();
    return { release: frozen.release, checksum: frozen.checksum, errata: errata.length };
  });
}
