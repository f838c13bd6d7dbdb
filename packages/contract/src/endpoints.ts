import {
  entityAliasBody,
  newEntityBody,
  registryEntityParams,
  registryEntitySchema,
  registryListSchema,
  renameEntityBody,
  successionBody,
  successionsSchema,
} from './entities.js';
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
  metricSeriesParams,
  metricSeriesSchema,
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
  editionChangeBody,
  studioEditionSchema,
  openedEditionSchema,
  publishBody,
  publishedSchema,
  revisionListSchema,
  studioAssessmentSchema,
  studioEditionListSchema,
  workflowBody,
} from './studio.js';
import { changePasswordBody, createdUserSchema, loginBody, newUserBody, okSchema, sessionSchema } from './auth.js';
import { healthSchema } from './health.js';
import {
  bulkApproveBody,
  bulkApprovedSchema,
  bulkAssignBody,
  bulkAssignedSchema,
  calibrationQuery,
  calibrationSchema,
  editionBoardSchema,
  managedUserListSchema,
  managedUserSchema,
  peopleListSchema,
  passwordResetSchema,
  userChangeBody,
  userParams,
  verdictBody,
  verdictListSchema,
  verdictParams,
} from './editorial.js';
import { API_PATHS } from './paths.js';

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
  health: { operationId: 'health', method: 'GET', path: API_PATHS.health, response: healthSchema },
  listEditions: {
    operationId: 'listEditions',
    method: 'GET',
    path: API_PATHS.listEditions,
    response: editionListSchema,
  },
  ratingsTable: {
    operationId: 'ratingsTable',
    method: 'GET',
    path: API_PATHS.ratingsTable,
    params: editionParams,
    query: ratingsQuery,
    response: ratingsTableSchema,
  },
  metricSeries: {
    operationId: 'metricSeries',
    method: 'GET',
    path: API_PATHS.metricSeries,
    params: metricSeriesParams,
    response: metricSeriesSchema,
  },
  listEntities: {
    operationId: 'listEntities',
    method: 'GET',
    path: API_PATHS.listEntities,
    query: entitySearchQuery,
    response: entityListSchema,
  },
  entityHistory: {
    operationId: 'entityHistory',
    method: 'GET',
    path: API_PATHS.entityHistory,
    params: entityParams,
    response: entityHistorySchema,
  },
  exportEdition: {
    operationId: 'exportEdition',
    method: 'GET',
    path: API_PATHS.exportEdition,
    params: editionParams,
    query: exportQuery,
  },
  dataPackageFile: {
    operationId: 'dataPackageFile',
    method: 'GET',
    path: API_PATHS.dataPackageFile,
    params: datapackageParams,
  },
  countryReport: {
    operationId: 'countryReport',
    method: 'GET',
    path: API_PATHS.countryReport,
    params: reportParams,
    query: reportQuery,
    response: countryReportSchema,
  },
  getAssessment: {
    operationId: 'getAssessment',
    method: 'GET',
    path: API_PATHS.getAssessment,
    params: assessmentParams,
    response: studioAssessmentSchema,
  },
  updateAssessment: {
    operationId: 'updateAssessment',
    method: 'PATCH',
    path: API_PATHS.updateAssessment,
    params: assessmentParams,
    body: assessmentPatchBody,
    response: studioAssessmentSchema,
  },
  moveAssessment: {
    operationId: 'moveAssessment',
    method: 'POST',
    path: API_PATHS.moveAssessment,
    params: assessmentParams,
    body: workflowBody,
    response: studioAssessmentSchema,
  },
  assessmentRevisions: {
    operationId: 'assessmentRevisions',
    method: 'GET',
    path: API_PATHS.assessmentRevisions,
    params: assessmentParams,
    response: revisionListSchema,
  },
  assessmentDiff: {
    operationId: 'assessmentDiff',
    method: 'GET',
    path: API_PATHS.assessmentDiff,
    params: assessmentParams,
    query: diffQuery,
    response: diffSchema,
  },
  login: { operationId: 'login', method: 'POST', path: API_PATHS.login, body: loginBody, response: sessionSchema },
  logout: { operationId: 'logout', method: 'POST', path: API_PATHS.logout, response: okSchema },
  me: { operationId: 'me', method: 'GET', path: API_PATHS.me, response: sessionSchema },
  changePassword: {
    operationId: 'changePassword',
    method: 'POST',
    path: API_PATHS.changePassword,
    body: changePasswordBody,
    response: okSchema,
  },
  listComments: {
    operationId: 'listComments',
    method: 'GET',
    path: API_PATHS.listComments,
    params: assessmentParams,
    response: commentListSchema,
  },
  addComment: {
    operationId: 'addComment',
    method: 'POST',
    path: API_PATHS.addComment,
    params: assessmentParams,
    body: commentBody,
    response: commentSchema,
  },
  resolveComment: {
    operationId: 'resolveComment',
    method: 'POST',
    path: API_PATHS.resolveComment,
    params: commentParams,
    response: commentSchema,
  },
  studioEditions: {
    operationId: 'studioEditions',
    method: 'GET',
    path: API_PATHS.studioEditions,
    response: studioEditionListSchema,
  },
  studioAssessments: {
    operationId: 'studioAssessments',
    method: 'GET',
    path: API_PATHS.studioAssessments,
    params: editionParams,
    response: assessmentListSchema,
  },
  openEdition: {
    operationId: 'openEdition',
    method: 'POST',
    path: API_PATHS.openEdition,
    body: openEditionBody,
    response: openedEditionSchema,
  },
  updateEdition: {
    operationId: 'updateEdition',
    method: 'PATCH',
    path: API_PATHS.updateEdition,
    params: editionParams,
    body: editionChangeBody,
    response: studioEditionSchema,
  },
  publishEdition: {
    operationId: 'publishEdition',
    method: 'POST',
    path: API_PATHS.publishEdition,
    params: editionParams,
    body: publishBody,
    response: publishedSchema,
  },
  myAssignments: {
    operationId: 'myAssignments',
    method: 'GET',
    path: API_PATHS.myAssignments,
    response: assignmentListSchema,
  },
  listUsers: { operationId: 'listUsers', method: 'GET', path: API_PATHS.listUsers, response: managedUserListSchema },
  listPeople: { operationId: 'listPeople', method: 'GET', path: API_PATHS.listPeople, response: peopleListSchema },
  createUser: {
    operationId: 'createUser',
    method: 'POST',
    path: API_PATHS.createUser,
    body: newUserBody,
    response: createdUserSchema,
  },
  setAssignees: {
    operationId: 'setAssignees',
    method: 'PUT',
    path: API_PATHS.setAssignees,
    params: assessmentParams,
    body: assigneesBody,
    response: assigneesSchema,
  },
  updateUser: {
    operationId: 'updateUser',
    method: 'PATCH',
    path: API_PATHS.updateUser,
    params: userParams,
    body: userChangeBody,
    response: managedUserSchema,
  },
  resetPassword: {
    operationId: 'resetPassword',
    method: 'POST',
    path: API_PATHS.resetPassword,
    params: userParams,
    response: passwordResetSchema,
  },
  editionBoard: {
    operationId: 'editionBoard',
    method: 'GET',
    path: API_PATHS.editionBoard,
    params: editionParams,
    response: editionBoardSchema,
  },
  assignInBulk: {
    operationId: 'assignInBulk',
    method: 'POST',
    path: API_PATHS.assignInBulk,
    params: editionParams,
    body: bulkAssignBody,
    response: bulkAssignedSchema,
  },
  approveInBulk: {
    operationId: 'approveInBulk',
    method: 'POST',
    path: API_PATHS.approveInBulk,
    params: editionParams,
    body: bulkApproveBody,
    response: bulkApprovedSchema,
  },
  calibration: {
    operationId: 'calibration',
    method: 'GET',
    path: API_PATHS.calibration,
    params: editionParams,
    query: calibrationQuery,
    response: calibrationSchema,
  },
  listVerdicts: {
    operationId: 'listVerdicts',
    method: 'GET',
    path: API_PATHS.listVerdicts,
    params: assessmentParams,
    response: verdictListSchema,
  },
  setVerdict: {
    operationId: 'setVerdict',
    method: 'PUT',
    path: API_PATHS.setVerdict,
    params: verdictParams,
    body: verdictBody,
    response: verdictListSchema,
  },
  listRegistry: {
    operationId: 'listRegistry',
    method: 'GET',
    path: API_PATHS.listRegistry,
    response: registryListSchema,
  },
  addEntity: {
    operationId: 'addEntity',
    method: 'POST',
    path: API_PATHS.addEntity,
    body: newEntityBody,
    response: registryEntitySchema,
  },
  renameEntity: {
    operationId: 'renameEntity',
    method: 'PUT',
    path: API_PATHS.renameEntity,
    params: registryEntityParams,
    body: renameEntityBody,
    response: registryEntitySchema,
  },
  addEntityAlias: {
    operationId: 'addEntityAlias',
    method: 'POST',
    path: API_PATHS.addEntityAlias,
    params: registryEntityParams,
    body: entityAliasBody,
    response: registryEntitySchema,
  },
  addSuccession: {
    operationId: 'addSuccession',
    method: 'POST',
    path: API_PATHS.addSuccession,
    body: successionBody,
    response: successionsSchema,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
