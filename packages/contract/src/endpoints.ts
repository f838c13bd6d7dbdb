import type { z } from 'zod';
import { editionParams } from './common.js';
import {
  countryReportSchema,
  datapackageParams,
  editionListSchema,
  entityHistorySchema,
  entityListSchema,
  entityParams,
  entitySearchQuery,
  exportQuery,
  ratingsQuery,
  ratingsTableSchema,
  reportParams,
  reportQuery,
} from './public.js';
import {
  assessmentListSchema,
  assessmentParams,
  assessmentPatchBody,
  assigneesBody,
  assigneesSchema,
  assignmentListSchema,
  commentBody,
  commentListSchema,
  commentParams,
  commentSchema,
  diffQuery,
  diffSchema,
  openEditionBody,
  openedEditionSchema,
  publishBody,
  publishedSchema,
  revisionListSchema,
  studioAssessmentSchema,
  studioEditionListSchema,
  workflowBody,
} from './studio.js';
import {
  changePasswordBody,
  createdUserSchema,
  loginBody,
  newUserBody,
  okSchema,
  sessionSchema,
  userListSchema,
} from './auth.js';
import { healthSchema } from './health.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the API as data: how to call it (method, path with
 * `:name` parameters, the schemas of params, query and body) and what its
 * success answer looks like. The server registers its routes from these and
 * the web app's client builds its requests from them, so neither side can
 * drift from the other. `response` is absent where the success answer is a
 * file or text rather than JSON.
 */
export interface Endpoint {
  operationId: string;
  method: HttpMethod;
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
}

export const ENDPOINTS = {
  health: { operationId: 'health', method: 'GET', path: '/api/v1/health', response: healthSchema },
  listEditions: { operationId: 'listEditions', method: 'GET', path: '/api/v1/editions', response: editionListSchema },
  ratingsTable: {
    operationId: 'ratingsTable',
    method: 'GET',
    path: '/api/v1/editions/:edition/ratings',
    params: editionParams,
    query: ratingsQuery,
    response: ratingsTableSchema,
  },
  listEntities: {
    operationId: 'listEntities',
    method: 'GET',
    path: '/api/v1/entities',
    query: entitySearchQuery,
    response: entityListSchema,
  },
  entityHistory: {
    operationId: 'entityHistory',
    method: 'GET',
    path: '/api/v1/entities/:entity/history',
    params: entityParams,
    response: entityHistorySchema,
  },
  exportEdition: {
    operationId: 'exportEdition',
    method: 'GET',
    path: '/api/v1/editions/:edition/export',
    params: editionParams,
    query: exportQuery,
  },
  dataPackageFile: {
    operationId: 'dataPackageFile',
    method: 'GET',
    path: '/api/v1/editions/:edition/datapackage/*',
    params: datapackageParams,
  },
  countryReport: {
    operationId: 'countryReport',
    method: 'GET',
    path: '/api/v1/entities/:entity/reports/:edition',
    params: reportParams,
    query: reportQuery,
    response: countryReportSchema,
  },
  getAssessment: {
    operationId: 'getAssessment',
    method: 'GET',
    path: '/api/v1/studio/assessments/:id',
    params: assessmentParams,
    response: studioAssessmentSchema,
  },
  updateAssessment: {
    operationId: 'updateAssessment',
    method: 'PATCH',
    path: '/api/v1/studio/assessments/:id',
    params: assessmentParams,
    body: assessmentPatchBody,
    response: studioAssessmentSchema,
  },
  moveAssessment: {
    operationId: 'moveAssessment',
    method: 'POST',
    path: '/api/v1/studio/assessments/:id/workflow',
    params: assessmentParams,
    body: workflowBody,
    response: studioAssessmentSchema,
  },
  assessmentRevisions: {
    operationId: 'assessmentRevisions',
    method: 'GET',
    path: '/api/v1/studio/assessments/:id/revisions',
    params: assessmentParams,
    response: revisionListSchema,
  },
  assessmentDiff: {
    operationId: 'assessmentDiff',
    method: 'GET',
    path: '/api/v1/studio/assessments/:id/diff',
    params: assessmentParams,
    query: diffQuery,
    response: diffSchema,
  },
  login: { operationId: 'login', method: 'POST', path: '/api/v1/auth/login', body: loginBody, response: sessionSchema },
  logout: { operationId: 'logout', method: 'POST', path: '/api/v1/auth/logout', response: okSchema },
  me: { operationId: 'me', method: 'GET', path: '/api/v1/auth/me', response: sessionSchema },
  changePassword: {
    operationId: 'changePassword',
    method: 'POST',
    path: '/api/v1/auth/password',
    body: changePasswordBody,
    response: okSchema,
  },
  listComments: {
    operationId: 'listComments',
    method: 'GET',
    path: '/api/v1/studio/assessments/:id/comments',
    params: assessmentParams,
    response: commentListSchema,
  },
  addComment: {
    operationId: 'addComment',
    method: 'POST',
    path: '/api/v1/studio/assessments/:id/comments',
    params: assessmentParams,
    body: commentBody,
    response: commentSchema,
  },
  resolveComment: {
    operationId: 'resolveComment',
    method: 'POST',
    path: '/api/v1/studio/comments/:commentId/resolve',
    params: commentParams,
    response: commentSchema,
  },
  studioEditions: {
    operationId: 'studioEditions',
    method: 'GET',
    path: '/api/v1/studio/editions',
    response: studioEditionListSchema,
  },
  studioAssessments: {
    operationId: 'studioAssessments',
    method: 'GET',
    path: '/api/v1/studio/editions/:edition/assessments',
    params: editionParams,
    response: assessmentListSchema,
  },
  openEdition: {
    operationId: 'openEdition',
    method: 'POST',
    path: '/api/v1/studio/editions',
    body: openEditionBody,
    response: openedEditionSchema,
  },
  publishEdition: {
    operationId: 'publishEdition',
    method: 'POST',
    path: '/api/v1/studio/editions/:edition/publish',
    params: editionParams,
    body: publishBody,
    response: publishedSchema,
  },
  myAssignments: {
    operationId: 'myAssignments',
    method: 'GET',
    path: '/api/v1/studio/assignments',
    response: assignmentListSchema,
  },
  listUsers: { operationId: 'listUsers', method: 'GET', path: '/api/v1/studio/users', response: userListSchema },
  createUser: {
    operationId: 'createUser',
    method: 'POST',
    path: '/api/v1/studio/users',
    body: newUserBody,
    response: createdUserSchema,
  },
  setAssignees: {
    operationId: 'setAssignees',
    method: 'PUT',
    path: '/api/v1/studio/assessments/:id/assignees',
    params: assessmentParams,
    body: assigneesBody,
    response: assigneesSchema,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
