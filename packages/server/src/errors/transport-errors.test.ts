import { connect as connectTcp } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp } from '../http/create-app.js';
import { PUBLIC, defineRoute } from '../http/route.js';

/** Errors raised before any route runs, sent over a real socket because Node's parser is what raises them. */
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await createHttpApp({
    version: 'test',
    sessions: { resolve: async () => null },
    routes: [
      defineRoute({
        method: 'POST',
        path: '/api/v1/things/:name',
        operationId: 'thing',
        summary: 'A route with a path parameter and a body',
        tag: 'test',
        access: PUBLIC,
        params: z.strictObject({ name: z.string() }),
        body: z.strictObject({ note: z.string() }),
        responses: { 200: { description: 'ok', schema: z.strictObject({ name: z.string() }) } },
        handler: async ({ params }) => ({ name: params.name }),
      }),
    ],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads the last answer on the connection. */
async function raw(request: string): Promise<RawAnswer> {
  const answers = await rawAll(request);
  if (answers.length === 0) throw new Error('no answer');
  return answers[answers.length - 1]!;
}

function expectApiError(answer: RawAnswer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['cache-control']).toBe('no-store');
  const parsed = JSON.parse(answer.body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(Object.keys(parsed.error).sort()).toEqual(['code', 'details', 'message']);
  expect(parsed.error.code).toBe(code);
  expect(answer.body).not.toMatch(/FST_|statusCode/);
}

describe('errors before routing', () => {
  it('answers a path that is not valid percent-encoding (%ff) in the API error shape', async () => {
    expectApiError(await raw('GET /api/v1/things/%ff HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'bad-request');
  });

  it('answers a path segment over the router limit with 414 in the API error shape', async () => {
    const long = 'a'.repeat(500);
    expectApiError(
      await raw(`POST /api/v1/things/${long} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`),
      414,
      'uri-too-long',
    );
  });

  it('answers headers over 16 KiB with 431 in the API error shape', async () => {
    const header = `X-Big: ${'b'.repeat(20_000)}\r\n`;
    expectApiError(await raw(`GET /api/v1/things HTTP/1.1\r\nHost: x\r\n${header}\r\n`), 431, 'headers-too-large');
  });

  it('answers a body longer than its Content-Length in the API error shape', async () => {
    const body = '{"note":"a longer body than announced"}';
    const answers = await rawAll(
      `POST /api/v1/things/x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n${body}`,
    );
    // The bytes after the announced length cannot be a request of their own: the connection ends with a 400.
    expect(answers.length).toBeGreaterThan(0);
    expectApiError(answers.at(-1)!, 400, 'bad-request');
  });

  it('answers a request line that is not HTTP in the API error shape', async () => {
    expectApiError(await raw('NONSENSE\r\n\r\n'), 400, 'bad-request');
  });
});

/** Every answer on one connection, for a request stream that holds more than one request. */
async function rawAll(request: string): Promise<RawAnswer[]> {
  const first = await new Promise<string>((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(data));
    socket.write(request, 'latin1');
    setTimeout(() => socket.end(), 300);
  });
  const answers: RawAnswer[] = [];
  let rest = first;
  while (rest.startsWith('HTTP/1.1')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    answers.push({ status: Number(statusLine!.split(' ')[1]), headers, body });
    rest = rest.slice(headEnd + 4 + length);
  }
  return answers;
}
