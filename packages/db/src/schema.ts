import type {
  AssessmentState,
  CorrectionState,
  EditionState,
  EntityKind,
  Granularity,
  NarrativeSection,
  Role,
  SuccessionKind,
  TrendArrow,
} from '@freedom-ratings/core';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them, the same on SQLite and PostgreSQL. Columns
 * keep to types both dialects store alike: integers, text, and timestamps as
 * ISO 8601 UTC text, so a row read from either database is the same object.
 * Derived figures (totals, ratings of scored assessments, status by rule) are
 * not stored: `assess` in core computes them from what is here.
 */
export interface Database {
  entities: EntityTable;
  entity_variants: EntityVariantTable;
  entity_earlier: EntityEarlierTable;
  entity_successions: EntitySuccessionTable;
  entity_changes: EntityChangeTable;
  editions: EditionTable;
  questions: QuestionTable;
  assessments: AssessmentTable;
  scores: ScoreTable;
  narratives: NarrativeTable;
  users: UserTable;
  sessions: SessionTable;
  assignments: AssignmentTable;
  comments: CommentTable;
  revisions: RevisionTable;
  review_verdicts: ReviewVerdictTable;
  releases: ReleaseTable;
  errata: ErratumTable;
  corrections: CorrectionTable;
  import_runs: ImportRunTable;
  methodologies: MethodologyTable;
  login_attempts: LoginAttemptTable;
}

/** ISO 8601 UTC timestamp text, e.g. 2025-02-26T10:00:00.000Z. */
export type Timestamp = string;

/**
 * The entity registry (seeded from core's built-in list by migration 0007;
 * `loadEntityRegistry` reads it back as core's `EntityRegistry`).
 */
export interface EntityTable {
  /** Stable slug, e.g. "kazakhstan", "hong-kong"; never reused. */
  id: string;
  /** The current name. */
  name: string;
  /** Country or territory now; earlier kinds are in `entity_earlier`. */
  kind: EntityKind;
  /** ISO 3166-1 alpha-3 where one exists, else null. */
  iso3: string | null;
  /** ISO alpha-3 or, for territories and former states, a stable project code ("XHK"…). */
  code: string;
  /** FH's region now; earlier regions are in `entity_earlier`. Null only on rows written before 0007 outside the registry. */
  region: string | null;
  first_edition: number | null;
  last_edition: number | null;
  /** When an admin or an import added it; null for the built-in entities. */
  added_at: Timestamp | null;
}

/** Other spellings an import matches to the entity. */
export interface EntityVariantTable {
  entity_id: string;
  name: string;
}

/** An earlier name, kind or region, with the last edition it applied to. */
export interface EntityEarlierTable {
  entity_id: string;
  field: 'name' | 'kind' | 'region';
  until_edition: number;
  value: string;
}

/** One predecessor–successor link (core's `EntitySuccession`). */
export interface EntitySuccessionTable {
  from_id: string;
  to_id: string;
  /** The first edition the successor is rated in as such. */
  edition: number;
  kind: SuccessionKind;
  /** 1 when the successor carries the predecessor's series on. */
  continues: number;
}

/** Every change made to the registry after the seed: who, when, what. */
export interface EntityChangeTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  entity_id: string;
  action: 'add' | 'rename' | 'alias' | 'reclassify' | 'succession';
  detail: string;
}

export interface EditionTable {
  /** The edition key from core's `EDITIONS` (publication year; first year of FH's two-year labels). */
  edition: number;
  /** FH's own label: "Jan.-Feb. 1973", "1983-84", "2014". */
  label: string;
  period_start: string;
  period_end: string;
  year_under_review: number;
  /** Id of the methodology the edition is scored with: a built-in file (core) or a row of `methodologies`. */
  methodology: string;
  /** Its version: a methodology in use by a published edition never changes, a change is a new version. */
  methodology_version: Generated<number>;
  state: EditionState;
  /** SHA-256 of the canonical export of the current release; null until published. */
  release_checksum: string | null;
  published_at: Timestamp | null;
  created_at: Timestamp;
  /** 1 while blind review is on: analysts and reviewers are not told each other's names (migration 0005b). */
  blind_review: Generated<number>;
}

/** A loaded methodology file (core's `Methodology`), by id and version. */
export interface MethodologyTable {
  id: string;
  version: number;
  /** The file as JSON. */
  document: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Official question wording per edition, loaded from data (never written into source). */
export interface QuestionTable {
  edition: number;
  /** Indicator code A1…G4, or "Add Q" / "Add A". */
  code: string;
  wording: string;
}

export interface AssessmentTable {
  id: Generated<number>;
  entity_id: string;
  edition: number;
  /** Which inputs are the source of truth: core's `Granularity`. */
  granularity: Granularity;
  /** Country or territory in this edition (Kosovo was a territory until FIW 2009). */
  kind: EntityKind;
  /** FH region in this edition, as the source states it. */
  region: string | null;
  state: AssessmentState;
  /** Optimistic-concurrency version; every write increments it. */
  version: number;
  /** Add Q (formerly Add B), stored positive; subtracted from PR. Null where not assessed. */
  add_q: number | null;
  /** Add A (monarchies, FIW 2017 and earlier); null where it does not apply. */
  add_a: number | null;
  /** PR/CL aggregates, the source of truth for 'aggregates' assessments only. */
  pr_aggregate: number | null;
  cl_aggregate: number | null;
  /** 1–7 ratings, the source of truth for 'ratings' assessments only. */
  pr_rating: number | null;
  cl_rating: number | null;
  /** Status as stated, used only where the edition's rule cannot decide it. */
  status: 'F' | 'PF' | 'NF' | null;
  trend_arrow: TrendArrow | null;
  /** 1/0/null: a manual decision on the electoral-democracy conditions. */
  electoral_democracy_override: number | null;
  /** Where the data came from ("All_data_FIW_2013-2024.xlsx") or null for studio work. */
  source: string | null;
  /** What the importer had to interpret, in our words (e.g. South Africa 1973's split ratings). */
  source_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** Indicator scores (A1…G4) of 'indicators' assessments; subcategory totals (A…G) of 'subcategories' ones. */
export interface ScoreTable {
  assessment_id: number;
  code: string;
  value: number;
}

/**
 * Narrative text. `section` is one of NARRATIVE_SECTIONS; `code` names the
 * subcategory or indicator for per-question text and is '' otherwise.
 */
export interface NarrativeTable {
  assessment_id: number;
  section: NarrativeSection;
  code: string;
  body: string;
}

export interface UserTable {
  id: Generated<number>;
  /** Stored lower-case; unique. */
  email: string;
  name: string;
  role: Role;
  /** scrypt output and salt, base64; the parameters are stored so they can be raised later. */
  password_hash: string;
  password_salt: string;
  /** JSON: {"N":16384,"r":8,"p":1,"keylen":64}. */
  password_params: string;
  must_change_password: number;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
  /** Set at each successful sign-in (migration 0003). */
  last_sign_in_at: Timestamp | null;
}

export interface SessionTable {
  /** SHA-256 of the session token: a leaked table does not leak sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** One side (account or address) of a sign-in attempt (migration 0004); see repositories/login-attempts.ts. */
export interface LoginAttemptTable {
  id: Generated<number>;
  /** Random id shared by the attempt's two rows. */
  attempt: string;
  scope: 'account' | 'address';
  /** The normalised email or the client address. */
  subject: string;
  started_at: Timestamp;
  /** 1 while the password is being checked, 0 once it failed. */
  pending: number;
}

export interface AssignmentTable {
  assessment_id: number;
  user_id: number;
  assigned_by: number | null;
  created_at: Timestamp;
  /** The last day (YYYY-MM-DD) for this person's part; null: none (migration 0005). */
  deadline: string | null;
}

export interface CommentTable {
  id: Generated<number>;
  assessment_id: number;
  /** Indicator or subcategory code the comment is about; null for the whole assessment. */
  code: string | null;
  user_id: number;
  body: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
}

/**
 * Append-only: triggers on both dialects refuse UPDATE and DELETE. One row
 * per changed field: `field` is e.g. "score:A1", "narrative:indicator:B2",
 * "add_q", "state"; values are text (null for none).
 */
export interface RevisionTable {
  id: Generated<number>;
  assessment_id: number;
  /** The assessment's version after this change. */
  version: number;
  user_id: number | null;
  at: Timestamp;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
}

/** A reviewer's verdict on one indicator (or subcategory) of an assessment, at the version they read. */
export interface ReviewVerdictTable {
  assessment_id: number;
  code: string;
  user_id: number;
  verdict: 'agree' | 'disagree';
  version: number;
  at: Timestamp;
}

/** A published edition's frozen dataset and the checksum over it. */
export interface ReleaseTable {
  id: Generated<number>;
  edition: number;
  /** SHA-256 (hex) of `canonical`. */
  checksum: string;
  /** Canonical JSON export of the edition at publication. */
  canonical: string;
  created_at: Timestamp;
  created_by: number | null;
  /** Why this release was made: null for an edition's first release (migration 0008). */
  reason: string | null;
}

/**
 * One published figure or text a release changed: the entry of the public
 * errata log. Who, when and why are the release's; values are JSON text
 * (a number, a string, or null where there was none).
 */
export interface ErratumTable {
  id: Generated<number>;
  release_id: number;
  edition: number;
  entity_id: string;
  /** What changed, as `releaseChanges` names it: `B2`, `PR`, `prRating`, `status`, `narrative.overview`, … */
  field: string;
  old_value: string | null;
  new_value: string | null;
}

/** A correction proposed in the studio to a published assessment (migration 0009). */
export interface CorrectionTable {
  id: Generated<number>;
  assessment_id: number;
  /** The assessment's version the edit was made against: publishing refuses if it has moved on. */
  base_version: number;
  state: CorrectionState;
  /** JSON of the edit: scores, addQ, addA, trendArrow, narratives, as a studio save sends them. */
  edit: string;
  reason: string;
  /** A reviewer's note when returning it. */
  note: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_by: number;
  updated_at: Timestamp;
  /** The release its publication made. */
  release_id: number | null;
}

/** One row per import that changed something. */
export interface ImportRunTable {
  id: Generated<number>;
  at: Timestamp;
  /** JSON array of file names. */
  files: string;
  /** JSON of the summary printed at the end. */
  summary: string;
}

/** An entity as readers see it: its identity, name and kind now. */
export type Entity = Pick<Selectable<EntityTable>, 'id' | 'name' | 'kind' | 'iso3' | 'code'>;
export type Edition = Selectable<EditionTable>;
export type Assessment = Selectable<AssessmentTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type AssessmentUpdate = Updateable<AssessmentTable>;
export type Score = Selectable<ScoreTable>;
export type Narrative = Selectable<NarrativeTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Assignment = Selectable<AssignmentTable>;
export type Comment = Selectable<CommentTable>;
export type Revision = Selectable<RevisionTable>;
export type NewRevision = Insertable<RevisionTable>;
export type Release = Selectable<ReleaseTable>;
