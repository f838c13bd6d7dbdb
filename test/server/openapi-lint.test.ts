import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { connect, migrateToLatest } from '@freedom-ratings/db';
import { buildServer } from '../../packages/server/src/build-server.js';
import { REPO_ROOT } from '../../test-support/shared.js';

/*
 * The OpenAPI document the server publishes, linted by the ecosystem's own
 * validator: Redocly CLI's recommended ruleset (the version pinned in
 * package.json), run offline, must find no error and no warning.
 */
const require = createRequire(import.meta.url);
const REDOCLY = join(require.resolve('@redocly/cli/package.json'), '..', 'bin', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'fiw-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function publishedDocument(): Promise<string> {
  const conn = connect(join(dir, 'test.db'));
  try {
    await migrateToLatest(conn);
    const app = await buildServer({ conn });
    try {
      const r = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(r.statusCode).toBe(200);
      return r.body;
    } finally {
      await app.close();
    }
  } finally {
    await conn.close();
  }
}

function lint(file: string) {
  const r = spawnSync(process.execPath, [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', file], {
    // Its own directory, so no configuration file of ours or a parent's is picked up.
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      NODE_OPTIONS: `--import ${pathToFileURL(join(REPO_ROOT, 'test-support', 'no-network.mjs')).href}`,
    },
  });
  const report = JSON.parse(r.stdout || '{}') as {
    totals?: { errors: number; warnings: number };
    problems?: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  return { code: r.status, stderr: r.stderr, report };
}

it('the OpenAPI document passes the Redocly recommended ruleset, offline, with no error or warning', async () => {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, await publishedDocument());
  const { code, stderr, report } = lint(file);
  expect(stderr).not.toMatch(/network access attempted/);
  expect(report.problems?.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  expect(code).toBe(0);
});

it('the lint fails a document that breaks the ruleset (the check can fail)', async () => {
  const doc = JSON.parse(await publishedDocument());
  delete doc.paths['/api/v1/editions'].get.security;
  doc.tags[0].description = undefined;
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify(doc));
  const { code, report } = lint(file);
  expect(code).toBe(1);
  expect(new Set(report.problems?.map((p) => p.ruleId))).toEqual(new Set(['security-defined', 'tag-description']));
});
