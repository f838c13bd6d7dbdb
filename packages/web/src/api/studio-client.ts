import type {
  assigneesBody,
  assigneesSchema,
  bulkApprovedSchema,
  bulkAssignBody,
  bulkAssignedSchema,
  calibrationSchema,
  editionBoardSchema,
  managedUserListSchema,
  peopleListSchema,
  passwordResetSchema,
  userChangeBody,
  verdictListSchema,
  assessmentListSchema,
  assignmentListSchema,
  commentListSchema,
  commentSchema,
  createdUserSchema,
  diffSchema,
  newUserBody,
  openedEditionSchema,
  publishedSchema,
  revisionListSchema,
  sessionSchema,
  studioEditionListSchema,
  workflowBody,
  entityAliasBody,
  newEntityBody,
  reclassifyEntityBody,
  registryEntitySchema,
  registryListSchema,
  renameEntityBody,
  successionBody,
  successionsSchema,
  correctionBody,
  correctionListSchema,
  correctionPublishedSchema,
  correctionSchema,
  correctionWorkflowBody,
} from '@freedom-ratings/contract';
import type { CorrectionState } from '@freedom-ratings/core';
import type { z } from 'zod';
import type { AssessmentPatch, StudioAssessment } from '../studio/assessment/fields.js';
import { apiPath } from './client.js';

/** Answer types of the studio API, from the contract's schemas (types only: no zod in the bundle). */
export type Session = z.output<typeof sessionSchema>;
export type StudioUser = Session['user'];
export type AssignmentList = z.output<typeof assignmentListSchema>;
export type AssessmentList = z.output<typeof assessmentListSchema>;
export type StudioEditionList = z.output<typeof studioEditionListSchema>;
export type CommentList = z.output<typeof commentListSchema>;
export type Comment = z.output<typeof commentSchema>;
export type RevisionList = z.output<typeof revisionListSchema>;
export type VersionDiff = z.output<typeof diffSchema>;
export type CreatedUser = z.output<typeof createdUserSchema>;
export type NewUser = z.input<typeof newUserBody>;
export type OpenedEdition = z.output<typeof openedEditionSchema>;
export type Published = z.output<typeof publishedSchema>;
export type WorkflowMove = z.input<typeof workflowBody>;
export type EditionBoard = z.output<typeof editionBoardSchema>;
export type BoardRow = EditionBoard['assessments'][number];
export type BulkAssign = z.input<typeof bulkAssignBody>;
export type SetAssignees = z.input<typeof assigneesBody>;
export type Assignees = z.output<typeof assigneesSchema>;
export type BulkAssigned = z.output<typeof bulkAssignedSchema>;
export type BulkApproved = z.output<typeof bulkApprovedSchema>;
export type Calibration = z.output<typeof calibrationSchema>;
export type CalibrationRow = Calibration['rows'][number];
export type VerdictList = z.output<typeof verdictListSchema>;
export type ManagedUserList = z.output<typeof managedUserListSchema>;
export type ManagedUser = ManagedUserList['users'][number];
export type PeopleList = z.output<typeof peopleListSchema>;
export type Person = PeopleList['people'][number];
export type UserChange = z.input<typeof userChangeBody>;
export type PasswordReset = z.output<typeof passwordResetSchema>;
export type RegistryList = z.output<typeof registryListSchema>;
export type RegistryEntity = z.output<typeof registryEntitySchema>;
export type NewEntity = z.input<typeof newEntityBody>;
export type EntityRename = z.input<typeof renameEntityBody>;
export type EntityReclassification = z.input<typeof reclassifyEntityBody>;
export type EntityAlias = z.input<typeof entityAliasBody>;
export type NewSuccession = z.input<typeof successionBody>;
export type RecordedSuccessions = z.output<typeof successionsSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type CorrectionChange = Correction['changes'][number];
export type CorrectionList = z.output<typeof correctionListSchema>;
export type ProposedCorrection = z.input<typeof correctionBody>;
export type CorrectionMove = z.input<typeof correctionWorkflowBody>;
export type PublishedCorrection = z.output<typeof correctionPublishedSchema>;

/** A studio call's answer: the body, or the API's error (status 0 when the server could not be reached). */
export type Answer<T> =
  | { ok: true; status: number; body: T; etag: string | null }
  | { ok: false; status: number; code: string; message: string; details: unknown };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

const TIMEOUT_MS = 20_000;

/**
 * The studio's client: same-origin fetch with the session cookie, the CSRF
 * token on every write and If-Match where the API asks for it. It never
 * throws for an API answer: a refusal is a value the screens show at the
 * field or action concerned.
 */
export class StudioApi {
  private csrf: string | null = null;

  constructor(private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {}

  async call<T>(method: Method, path: string, options: { body?: unknown; ifMatch?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    let response: Response;
    try {
      response = await this.fetchImpl(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return {
        ok: false,
        status: 0,
        code: 'unreachable',
        message: 'The server could not be reached. Your changes are kept in this browser.',
        details: null,
      };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (response.ok) return { ok: true, status: response.status, body: body as T, etag: response.headers.get('etag') };
    const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    return {
      ok: false,
      status: response.status,
      code: error?.code ?? 'bad-response',
      message: error?.message ?? `The server answered ${response.status}.`,
      details: error?.details ?? null,
    };
  }

  /** Remembers the session's CSRF token for the writes that follow. */
  private keep(answer: Answer<Session>): Answer<Session> {
    if (answer.ok) this.csrf = answer.body.csrfToken;
    return answer;
  }

  async me() {
    return this.keep(await this.call<Session>('GET', apiPath('me')));
  }
  async login(email: string, password: string) {
    return this.keep(await this.call<Session>('POST', apiPath('login'), { body: { email, password } }));
  }
  logout() {
    return this.call<{ ok: true }>('POST', apiPath('logout'));
  }
  changePassword(currentPassword: string, newPassword: string) {
    return this.call<{ ok: true }>('POST', apiPath('changePassword'), { body: { currentPassword, newPassword } });
  }

  assignments() {
    return this.call<AssignmentList>('GET', apiPath('myAssignments'));
  }
  editions() {
    return this.call<StudioEditionList>('GET', apiPath('studioEditions'));
  }
  editionAssessments(edition: number) {
    return this.call<AssessmentList>('GET', apiPath('studioAssessments', { edition }));
  }
  openEdition(edition: number, reason: string) {
    return this.call<OpenedEdition>('POST', apiPath('openEdition'), { body: { edition, reason } });
  }
  setBlindReview(edition: number, blindReview: boolean) {
    return this.call<StudioEditionList['editions'][number]>('PATCH', apiPath('updateEdition', { edition }), {
      body: { blindReview },
    });
  }
  publish(edition: number, withhold: string[], reason: string) {
    return this.call<Published>('POST', apiPath('publishEdition', { edition }), {
      body: { withhold, reason },
    });
  }

  assessment(id: number) {
    return this.call<StudioAssessment>('GET', apiPath('getAssessment', { id }));
  }
  saveAssessment(id: number, version: number, patch: AssessmentPatch) {
    return this.call<StudioAssessment>('PATCH', apiPath('updateAssessment', { id }), {
      body: patch,
      ifMatch: `"${id}-${version}"`,
    });
  }
  move(id: number, version: number, move: WorkflowMove) {
    return this.call<StudioAssessment>('POST', apiPath('moveAssessment', { id }), {
      body: move,
      ifMatch: `"${id}-${version}"`,
    });
  }
  revisions(id: number) {
    return this.call<RevisionList>('GET', apiPath('assessmentRevisions', { id }));
  }
  diff(id: number, from: number, to?: number) {
    return this.call<VersionDiff>(
      'GET',
      apiPath('assessmentDiff', { id }, { from: String(from), to: to === undefined ? undefined : String(to) }),
    );
  }
  comments(id: number) {
    return this.call<CommentList>('GET', apiPath('listComments', { id }));
  }
  addComment(id: number, code: string | null, body: string) {
    return this.call<Comment>('POST', apiPath('addComment', { id }), {
      body: { code, body },
    });
  }
  resolveComment(commentId: number) {
    return this.call<Comment>('POST', apiPath('resolveComment', { commentId }));
  }

  users() {
    return this.call<ManagedUserList>('GET', apiPath('listUsers'));
  }
  /** The active people an editor can assign (names and roles only). */
  people() {
    return this.call<PeopleList>('GET', apiPath('listPeople'));
  }
  updateUser(userId: number, change: UserChange) {
    return this.call<ManagedUser>('PATCH', apiPath('updateUser', { userId }), { body: change });
  }
  resetPassword(userId: number) {
    return this.call<PasswordReset>('POST', apiPath('resetPassword', { userId }));
  }

  board(edition: number) {
    return this.call<EditionBoard>('GET', apiPath('editionBoard', { edition }));
  }
  setAssignees(id: number, assignees: SetAssignees['assignees']) {
    return this.call<Assignees>('PUT', apiPath('setAssignees', { id }), { body: { assignees } });
  }
  bulkAssign(edition: number, body: BulkAssign) {
    return this.call<BulkAssigned>('POST', apiPath('assignInBulk', { edition }), { body });
  }
  bulkApprove(edition: number, ids: number[], reason: string) {
    return this.call<BulkApproved>('POST', apiPath('approveInBulk', { edition }), {
      body: { ids, reason },
    });
  }
  calibration(edition: number, code: string, options: { region?: string | null; entities?: string[] } = {}) {
    const query = { code, region: options.region ?? undefined, entities: options.entities?.join(',') };
    return this.call<Calibration>('GET', apiPath('calibration', { edition }, query));
  }
  verdicts(id: number) {
    return this.call<VerdictList>('GET', apiPath('listVerdicts', { id }));
  }
  setVerdict(id: number, code: string, verdict: 'agree' | 'disagree' | null) {
    return this.call<VerdictList>('PUT', apiPath('setVerdict', { id, code }), {
      body: { verdict },
    });
  }
  createUser(user: NewUser) {
    return this.call<CreatedUser>('POST', apiPath('createUser'), { body: user });
  }

  /** The whole entity registry (editors and admins), built-in and added. */
  registry() {
    return this.call<RegistryList>('GET', apiPath('listRegistry'));
  }
  addEntity(entity: NewEntity) {
    return this.call<RegistryEntity>('POST', apiPath('addEntity'), { body: entity });
  }
  renameEntity(entity: string, rename: EntityRename) {
    return this.call<RegistryEntity>('PUT', apiPath('renameEntity', { entity }), { body: rename });
  }
  reclassifyEntity(entity: string, change: EntityReclassification) {
    return this.call<RegistryEntity>('PUT', apiPath('reclassifyEntity', { entity }), { body: change });
  }
  addEntityAlias(entity: string, alias: EntityAlias) {
    return this.call<RegistryEntity>('POST', apiPath('addEntityAlias', { entity }), { body: alias });
  }
  addSuccession(succession: NewSuccession) {
    return this.call<RecordedSuccessions>('POST', apiPath('addSuccession'), { body: succession });
  }

  /** Proposes a correction to a published assessment: it changes nothing public until an editor publishes it. */
  proposeCorrection(id: number, correction: ProposedCorrection) {
    return this.call<Correction>('POST', apiPath('proposeCorrection', { id }), { body: correction });
  }
  corrections(filter: { edition?: number | null; state?: CorrectionState | null } = {}) {
    const query = { edition: filter.edition ? String(filter.edition) : undefined, state: filter.state ?? undefined };
    return this.call<CorrectionList>('GET', apiPath('listCorrections', {}, query));
  }
  correction(correctionId: number) {
    return this.call<Correction>('GET', apiPath('getCorrection', { correctionId }));
  }
  /** A returned correction again, with a new edit and reason. */
  resubmitCorrection(correctionId: number, correction: ProposedCorrection) {
    return this.call<Correction>('PUT', apiPath('resubmitCorrection', { correctionId }), { body: correction });
  }
  moveCorrection(correctionId: number, move: CorrectionMove) {
    return this.call<Correction>('POST', apiPath('moveCorrection', { correctionId }), { body: move });
  }
  publishCorrection(correctionId: number) {
    return this.call<PublishedCorrection>('POST', apiPath('publishCorrection', { correctionId }));
  }
}
