import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type AjvDraft04 from 'ajv-draft-04';
import type addFormatsTo from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, exportData, migrateToLatest, type ExportedFile } from '@freedom-ratings/db';
import { seed } from '../server/fixture.js';

/*
 * The data package against the Frictionless specification's own JSON Schema
 * for a tabular data package (v1, draft-04), as the `datapackage` package of
 * the Frictionless project ships it (pinned in package.json).
 */
const require = createRequire(import.meta.url);
// CommonJS packages whose default export TypeScript's NodeNext resolution does not see as callable.
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default;
const addFormats = require('ajv-formats') as typeof addFormatsTo.default;
const schema = JSON.parse(readFileSync(require.resolve('datapackage/lib/profiles/tabular-data-package.json'), 'utf8'));
// The schema carries keywords for form builders (propertyOrder, options, context) and a "textarea" format.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('textarea', true);
const validate = ajv.compile(schema);

let dir: string;
let files: ExportedFile[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fiw-datapackage-'));
  const conn = connect(join(dir, 'test.db'));
  try {
    await migrateToLatest(conn);
    await seed(conn);
    files = (await exportData(conn, { format: 'datapackage' })).files;
  } finally {
    await conn.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const descriptor = () => JSON.parse(files.find((f) => f.path === 'datapackage.json')!.bytes.toString('utf8'));

it('the descriptor is valid against the Frictionless tabular-data-package schema', () => {
  const ok = validate(descriptor());
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

it('each resource states the size and SHA-256 of its CSV', () => {
  const resources = descriptor().resources as { path: string; bytes: number; hash: string }[];
  expect(resources).toHaveLength(5);
  for (const r of resources) {
    const csv = files.find((f) => f.path === r.path)!.bytes;
    expect(r.bytes, r.path).toBe(csv.length);
    expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(csv).digest('hex')}`);
  }
});

it('the schema refuses what the specification does not allow (the validator can fail)', () => {
  const d = descriptor();
  d.resources[0].hash = 'sha256 without a colon';
  d.resources[1].bytes = '12';
  delete d.resources[2].path;
  expect(validate(d)).toBe(false);
  expect(validate.errors!.length).toBeGreaterThanOrEqual(3);
});
