import {
  ASSESSMENT_STATES,
  EDITION_STATES,
  ENTITY_KINDS,
  GRANULARITIES,
  NARRATIVE_SECTIONS,
  ROLES,
  STATUSES,
  TREND_ARROWS,
  WORKFLOW_ACTIONS,
} from '@freedom-ratings/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { roleSchema } from './auth.js';
import { entityKindSchema, granularitySchema, narrativeSchema, statusSchema, trendArrowSchema } from './common.js';
import { ENDPOINTS } from './endpoints.js';
import { API_ERRORS } from './errors.js';
import { assessmentStateSchema, editionStateSchema, workflowBody } from './studio.js';

describe('the API contract', () => {
  it('takes every enum from core’s vocabulary, so the two cannot drift', () => {
    expect(statusSchema.options).toEqual([...STATUSES]);
    expect(trendArrowSchema.options).toEqual([...TREND_ARROWS]);
    expect(entityKindSchema.options).toEqual([...ENTITY_KINDS]);
    expect(granularitySchema.options).toEqual([...GRANULARITIES]);
    expect(narrativeSchema.shape.section.options).toEqual([...NARRATIVE_SECTIONS]);
    expect(roleSchema.options).toEqual([...ROLES]);
    expect(assessmentStateSchema.options).toEqual([...ASSESSMENT_STATES]);
    expect(editionStateSchema.options).toEqual([...EDITION_STATES]);
    expect(workflowBody.shape.action.options).toEqual([...WORKFLOW_ACTIONS]);
  });

  it('names every path parameter of an endpoint in its params schema, and no other', () => {
    for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
      expect(endpoint.operationId, name).toBe(name);
      const inPath = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      if (endpoint.path.endsWith('/*')) inPath.push('*');
      const params = 'params' in endpoint ? Object.keys((endpoint.params as z.ZodObject).shape) : [];
      expect(params.sort(), name).toEqual(inPath.sort());
    }
  });

  it('gives every error code a client or server error status', () => {
    for (const [code, { status }] of Object.entries(API_ERRORS)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(status >= 400 && status < 600, code).toBe(true);
    }
  });
});
