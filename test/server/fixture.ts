import {
  editionInfo,
  INDICATOR_CODES,
  methodologyFor,
  type AssessmentState,
  type EditionState,
  type IndicatorCode,
  type Role,
} from '@freedom-ratings/core';
import type { Connection } from '@freedom-ratings/db';
import { createUser } from '../../packages/server/src/security/accounts.js';

/**
 * A small database in every workflow state, written with plain inserts so
 * the server tests do not depend on the importer: two published editions,
 * one open edition with assessments in each state, an entity that exists only
 * in the open edition, and one user per role. Draft values carry the marker
 * `EMBARGOED` so a test can search every public answer for it.
 */
export const EMBARGO_MARKER = 'EMBARGOED';
export const DRAFT_ONLY_ENTITY = { id: 'bougainville', code: 'QBV', name: 'Bougainville' };
export const OPEN_EDITION = 2025;
export const PUBLISHED_EDITIONS = [2023, 2024];

export interface Fixture {
  users: Record<
    'admin' | 'editor' | 'reviewer' | 'analyst' | 'otherAnalyst',
    { id: number; email: string; password: string }
  >;
  /** Assessment ids in the open edition by entity id. */
  open: Record<string, number>;
}

const ENTITIES = [
  { id: 'kazakhstan', name: 'Kazakhstan', kind: 'country', iso3: 'KAZ', code: 'KAZ', region: 'Eurasia' },
  { id: 'norway', name: 'Norway', kind: 'country', iso3: 'NOR', code: 'NOR', region: 'Europe' },
  { id: 'tibet', name: 'Tibet', kind: 'territory', iso3: null, code: 'XTI', region: 'Asia' },
  { id: 'chile', name: 'Chile', kind: 'country', iso3: 'CHL', code: 'CHL', region: 'Americas' },
  { ...DRAFT_ONLY_ENTITY, kind: 'territory', iso3: null, region: 'Asia' },
] as const;

/** Indicator scores that give each entity a typical profile; `shift` moves them for later editions. */
function indicators(entity: string, shift: number): Record<IndicatorCode, number> {
  const base: Record<string, number> = { kazakhstan: 1, norway: 4, tibet: 0, chile: 3, bougainville: 2 };
  const out = {} as Record<IndicatorCode, number>;
  INDICATOR_CODES.forEach((code, i) => {
    const v = base[entity]! + (i === 0 ? shift : 0);
    out[code] = Math.max(0, Math.min(4, v));
  });
  return out;
}

async function insertEdition(conn: Connection, edition: number, state: EditionState) {
  const info = editionInfo(edition)!;
  await conn.db
    .insertInto('editions')
    .values({
      edition,
      label: info.label,
      period_start: info.periodStart,
      period_end: info.periodEnd,
      year_under_review: info.yearUnderReview,
      methodology: methodologyFor(edition)!.id,
      state,
      release_checksum: null,
      published_at: state === 'published' ? `${edition}-02-01T00:00:00.000Z` : null,
      created_at: `${edition - 1}-06-01T00:00:00.000Z`,
    })
    .execute();
  await conn.db
    .insertInto('questions')
    .values({ edition, code: 'A1', wording: `Was the head of government elected in ${edition}?` })
    .execute();
}

async function insertAssessment(
  conn: Connection,
  entity: (typeof ENTITIES)[number],
  edition: number,
  state: AssessmentState,
  shift: number,
  text: string,
): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await conn.db
    .insertInto('assessments')
    .values({
      entity_id: entity.id,
      edition,
      granularity: 'indicators',
      kind: entity.kind,
      region: entity.region,
      state,
      version: 1,
      add_q: entity.id === 'tibet' ? 2 : 0,
      add_a: null,
      pr_aggregate: null,
      cl_aggregate: null,
      pr_rating: null,
      cl_rating: null,
      status: null,
      trend_arrow: null,
      electoral_democracy_override: null,
      source: state === 'published' ? 'fixture' : null,
      source_note: null,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const scores = indicators(entity.id, shift);
  await conn.db
    .insertInto('scores')
    .values(INDICATOR_CODES.map((code) => ({ assessment_id: id, code, value: scores[code] })))
    .execute();
  await conn.db
    .insertInto('narratives')
    .values([
      { assessment_id: id, section: 'overview', code: '', body: `${entity.name} ${edition}: ${text}` },
      { assessment_id: id, section: 'indicator', code: 'A1', body: `A1 in ${edition}: ${text}` },
    ])
    .execute();
  return id;
}

export async function seed(conn: Connection): Promise<Fixture> {
  // The built-in entities are in the registry's seed; Bougainville is added as an admin would.
  for (const e of ENTITIES) {
    await conn.db
      .insertInto('entities')
      .values({ id: e.id, name: e.name, kind: e.kind, iso3: e.iso3, code: e.code, region: e.region })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await insertEdition(conn, 2023, 'published');
  await insertEdition(conn, 2024, 'published');
  await insertEdition(conn, OPEN_EDITION, 'open');
  const published = ENTITIES.filter((e) => e.id !== DRAFT_ONLY_ENTITY.id);
  for (const e of published) {
    await insertAssessment(conn, e, 2023, 'published', 0, 'published text');
    await insertAssessment(conn, e, 2024, 'published', e.id === 'kazakhstan' ? -1 : 0, 'published text');
  }
  const states: Record<string, AssessmentState> = {
    kazakhstan: 'draft',
    norway: 'submitted',
    tibet: 'approved',
    chile: 'returned',
    bougainville: 'draft',
  };
  const open: Record<string, number> = {};
  for (const e of ENTITIES) {
    open[e.id] = await insertAssessment(conn, e, OPEN_EDITION, states[e.id]!, 1, `${EMBARGO_MARKER} draft text`);
  }
  const users = {} as Fixture['users'];
  const roles: [keyof Fixture['users'], Role][] = [
    ['admin', 'admin'],
    ['editor', 'editor'],
    ['reviewer', 'reviewer'],
    ['analyst', 'analyst'],
    ['otherAnalyst', 'analyst'],
  ];
  for (const [key, role] of roles) {
    const password = `${key}-password-123`;
    const email = `${key.toLowerCase()}@example.org`;
    const { user } = await createUser(conn.db, { email, name: key, role, password });
    users[key] = { id: user.id, email, password };
  }
  await conn.db
    .insertInto('assignments')
    .values({
      assessment_id: open.kazakhstan!,
      user_id: users.analyst.id,
      assigned_by: users.admin.id,
      created_at: new Date().toISOString(),
    })
    .execute();
  return { users, open };
}
