/**
 * Every API path, by operation. Apart from the schemas so that the browser can
 * build its requests from the contract without loading zod; `ENDPOINTS`
 * pairs each path with its schemas.
 */
export const API_PATHS = {
  health: '/api/v1/health',
  listEditions: '/api/v1/editions',
  ratingsTable: '/api/v1/editions/:edition/ratings',
  metricSeries: '/api/v1/metrics/:metric/series',
  listEntities: '/api/v1/entities',
  entityHistory: '/api/v1/entities/:entity/history',
  exportEdition: '/api/v1/editions/:edition/export',
  dataPackageFile: '/api/v1/editions/:edition/datapackage/*',
  countryReport: '/api/v1/entities/:entity/reports/:edition',
  getAssessment: '/api/v1/studio/assessments/:id',
  updateAssessment: '/api/v1/studio/assessments/:id',
  moveAssessment: '/api/v1/studio/assessments/:id/workflow',
  assessmentRevisions: '/api/v1/studio/assessments/:id/revisions',
  assessmentDiff: '/api/v1/studio/assessments/:id/diff',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  changePassword: '/api/v1/auth/password',
  listComments: '/api/v1/studio/assessments/:id/comments',
  addComment: '/api/v1/studio/assessments/:id/comments',
  resolveComment: '/api/v1/studio/comments/:commentId/resolve',
  studioEditions: '/api/v1/studio/editions',
  studioAssessments: '/api/v1/studio/editions/:edition/assessments',
  openEdition: '/api/v1/studio/editions',
  updateEdition: '/api/v1/studio/editions/:edition',
  publishEdition: '/api/v1/studio/editions/:edition/publish',
  myAssignments: '/api/v1/studio/assignments',
  listUsers: '/api/v1/studio/users',
  listPeople: '/api/v1/studio/people',
  createUser: '/api/v1/studio/users',
  setAssignees: '/api/v1/studio/assessments/:id/assignees',
  updateUser: '/api/v1/studio/users/:userId',
  resetPassword: '/api/v1/studio/users/:userId/password-reset',
  editionBoard: '/api/v1/studio/editions/:edition/board',
  assignInBulk: '/api/v1/studio/editions/:edition/assignments',
  approveInBulk: '/api/v1/studio/editions/:edition/approvals',
  calibration: '/api/v1/studio/editions/:edition/calibration',
  listVerdicts: '/api/v1/studio/assessments/:id/verdicts',
  setVerdict: '/api/v1/studio/assessments/:id/verdicts/:code',
} as const;

export type ApiPathName = keyof typeof API_PATHS;
