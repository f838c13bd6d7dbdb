import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fiw } from '../../test-support/cli.js';
import { REPO_ROOT } from '../../test-support/shared.js';
import { describeDialects } from './dialect-harness.js';

const out = mkdtempSync(join(tmpdir(), 'fiw-methodology-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const civicPath = join(REPO_ROOT, 'examples', 'methodologies', 'civic-index.json');

describeDialects('fiw methodology with a database', (h) => {
  it('new 2027 --from 2026 --db stores fiw-2027; show prints it as a file that validate and load accept', async () => {
    const db = await h.fresh();
    const made = fiw(['methodology', 'new', '2027', '--from', '2026', '--db', db]);
    expect([made.code, made.stdout]).toEqual([0, 'stored fiw-2027 version 1 (Freedom in the World 2027)\n']);
    expect(fiw(['methodology', 'show', '2027']).code).toBe(2); // not built in
    const shown = fiw(['methodology', 'show', '2027', '--db', db, '--format', 'json']);
    expect(shown.code).toBe(0);
    const path = join(out, `fiw-2027-${h.dialect}.json`);
    writeFileSync(path, shown.stdout);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'fiw-2027', version: 1, editions: [2027] });
    expect(fiw(['methodology', 'validate', path]).code).toBe(0);
    expect(fiw(['methodology', 'load', path, '--db', db]).stdout).toBe(
      `${path}: fiw-2027 version 1 is stored already; nothing changed\n`,
    );
    expect(fiw(['methodology', 'show', '2027', '--db', db]).stdout).toMatch(
      /^Freedom in the World 2027: Freedom in the World 2027 \(fiw-2027 version 1\)/,
    );
  });

  it('load stores a valid file and refuses a bad one, storing nothing', async () => {
    const db = await h.fresh();
    const loaded = fiw(['methodology', 'load', civicPath, '--db', db]);
    expect([loaded.code, loaded.stdout]).toEqual([
      0,
      `${civicPath}: stored civic-index version 1 (Civic Freedoms Index (example))\n`,
    ]);
    const before = await h.snapshot(db);
    const m = JSON.parse(readFileSync(civicPath, 'utf8'));
    m.id = 'civic-broken';
    m.categories[4].bands[3].min = 10; // gap: 9
    const bad = join(out, `bad-${h.dialect}.json`);
    writeFileSync(bad, JSON.stringify(m));
    const refused = fiw(['methodology', 'load', bad, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${bad}: $.categories[4].bands[4].max: scores 9–9 of LIFE are in no band (between ratings 4 and 5)`,
    );
    expect(await h.snapshot(db)).toBe(before);
  });
});
