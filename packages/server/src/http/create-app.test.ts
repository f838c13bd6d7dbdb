import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { createHttpApp } from './create-app.js';
import { PUBLIC, defineRoute, signedIn } from './route.js';
import { Representation } from './representation.js';

const big = { items: Array.from({ length: 500 }, (_, i) => ({ i, name: `entity number ${i}` })) };
const bigRepresentation = Representation.of(JSON.stringify(big), 'application/json; charset=utf-8');

const routes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/echo/:id',
    operationId: 'echo',
    summary: 'Echo',
    tag: 'test',
    access: PUBLIC,
    params: z.strictObject({ id: z.coerce.number().int().positive() }),
    body: z.strictObject({ name: z.string().min(1), score: z.number().int().min(0).max(4) }),
    responses: { 200: { description: 'echoed', schema: z.strictObject({ id: z.number(), name: z.string() }) } },
    handler: async ({ params, body }) => ({ id: params.id, name: body.name }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/leaky',
    operationId: 'leaky',
    summary: 'Returns a field its schema does not have',
    tag: 'test',
    access: PUBLIC,
    responses: { 200: { description: 'never', schema: z.strictObject({ ok: z.boolean() }) } },
    handler: async () => ({ ok: true, secret: 'draft score' }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/big',
    operationId: 'big',
    summary: 'A cacheable body',
    tag: 'test',
    access: PUBLIC,
    responses: { 200: { description: 'items' } },
    handler: async ({ request, reply }) => {
      bigRepresentation.send(request, reply, 'public, max-age=60');
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/private',
    operationId: 'private',
    summary: 'Signed in only',
    tag: 'test',
    access: signedIn(['editor']),
    responses: { 200: { description: 'ok' } },
    handler: async () => ({ ok: true }),
  }),
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await createHttpApp({
    routes,
    version: 'test',
    sessions: { resolve: async () => null },
    bodyLimit: 2048,
  });
});
afterAll(() => app.close());

function expectErrorShape(body: string, code: string) {
  const parsed = JSON.parse(body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error).sort()).toEqual(['code', 'details', 'message']);
  expect(parsed.error.code).toBe(code);
  expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
  return parsed.error;
}

describe('HTTP plumbing', () => {
  it('validates params and body and answers with the result', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/echo/7', payload: { name: 'x', score: 2 } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: 7, name: 'x' });
  });

  it('rejects unknown fields, naming them', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/echo/7', payload: { name: 'x', score: 2, extra: 1 } });
    expect(r.statusCode).toBe(400);
    const error = expectErrorShape(r.body, 'invalid-request');
    expect(JSON.stringify(error.details)).toContain('extra');
  });

  it('rejects out-of-range values and bad params with the location of each problem', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/echo/0', payload: { name: '', score: 9 } });
    expect(r.statusCode).toBe(400);
    const error = expectErrorShape(r.body, 'invalid-request');
    expect(error.message).toMatch(/^Invalid request: params\.id: .*; body\.name: .*; body\.score: /);
    const b = await app.inject({ method: 'POST', url: '/api/v1/echo/1', payload: { name: '', score: 9 } });
    const locations = expectErrorShape(b.body, 'invalid-request').details.problems.map(
      (p: { location: string; path: string }) => `${p.location}.${p.path}`,
    );
    expect(locations).toEqual(['body.name', 'body.score']);
  });

  it('answers malformed JSON, oversized bodies and wrong media types in the error format', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/echo/1',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(bad.statusCode).toBe(400);
    expectErrorShape(bad.body, 'invalid-json');
    const large = await app.inject({
      method: 'POST',
      url: '/api/v1/echo/1',
      payload: { name: 'x'.repeat(5000), score: 1 },
    });
    expect(large.statusCode).toBe(413);
    expectErrorShape(large.body, 'payload-too-large');
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/echo/1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    expect(form.statusCode).toBe(415);
    expectErrorShape(form.body, 'unsupported-media-type');
  });

  it('never lets a field outside the response schema out, and hides the cause of a 500', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/leaky' });
    expect(r.statusCode).toBe(500);
    const error = expectErrorShape(r.body, 'internal-error');
    expect(r.body).not.toContain('draft score');
    expect(r.body).not.toContain('secret');
    expect(error.details).toBeNull();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(r.statusCode).toBe(404);
    expectErrorShape(r.body, 'not-found');
  });

  it('asks for a session before anything else on signed-in routes', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/private' });
    expect(r.statusCode).toBe(401);
    expectErrorShape(r.body, 'unauthenticated');
  });

  it('refuses cross-site state-changing requests', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/echo/1',
      headers: { origin: 'https://evil.example', host: 'ratings.example' },
      payload: { name: 'x', score: 1 },
    });
    expect(r.statusCode).toBe(403);
    expectErrorShape(r.body, 'csrf-rejected');
    const same = await app.inject({
      method: 'POST',
      url: '/api/v1/echo/1',
      headers: { origin: 'https://ratings.example', host: 'ratings.example' },
      payload: { name: 'x', score: 1 },
    });
    expect(same.statusCode).toBe(200);
  });

  it('sends ETag and Cache-Control, 304 on a matching If-None-Match, and compresses', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/v1/big' });
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.json()).toEqual(big);
    const again = await app.inject({ method: 'GET', url: '/api/v1/big', headers: { 'if-none-match': `W/${etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ method: 'GET', url: '/api/v1/big', headers: { 'if-none-match': '"other"' } });
    expect(other.statusCode).toBe(200);
    const gz = await app.inject({ method: 'GET', url: '/api/v1/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(big);
    const br = await app.inject({ method: 'GET', url: '/api/v1/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(big);
  });

  it('publishes an OpenAPI 3.1 document built from the route schemas, and offline docs', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toBe('3.1.0');
    const echo = doc.paths['/api/v1/echo/{id}'].post;
    expect(echo.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(echo.requestBody.content['application/json'].schema).toMatchObject({
      additionalProperties: false,
      required: ['name', 'score'],
      properties: { score: { type: 'integer', minimum: 0, maximum: 4 } },
    });
    expect(doc.paths['/api/v1/private'].get.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/v1/private'].get['x-access']).toEqual(['editor']);
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.body).toContain('/api/v1/echo/{id}');
    expect(docs.body).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3)/);
  });
});
