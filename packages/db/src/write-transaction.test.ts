import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { inWriteTransaction } from './write-transaction.js';

describe('write transactions on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fiw-wtx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for a writer in another process, then sees what it committed, instead of failing', async () => {
    const path = join(dir, 'shared.db');
    const conn = connect(path);
    await migrateToLatest(conn);
    await conn.close();
    // Another process (an import, or the server saving) holds the write lock for half a second.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = require('better-sqlite3')(${JSON.stringify(path)});
         db.exec('begin immediate');
         db.prepare("insert into entities (id, name, kind, iso3, code) values ('test-a', 'A', 'country', null, 'QAA')").run();
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('commit'); db.close(); }, 500);`,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    const b = connect(path);
    try {
      // Reads, then writes: with a deferred BEGIN, SQLite would refuse the write outright.
      const seen = await inWriteTransaction(b, async (db) => {
        const rows = await db.selectFrom('entities').select('id').where('id', 'like', 'test-%').execute();
        await db
          .insertInto('entities')
          .values({ id: 'test-b', name: 'B', kind: 'country', iso3: null, code: 'QAB' })
          .execute();
        return rows.map((r) => r.id);
      });
      expect(seen).toEqual(['test-a']);
    } finally {
      await b.close();
      holder.kill();
    }
  });

  it('rolls back everything when the work fails', async () => {
    const conn = connect(join(dir, 'rollback.db'));
    await migrateToLatest(conn);
    try {
      await expect(
        inWriteTransaction(conn, async (db) => {
          await db
            .insertInto('entities')
            .values({ id: 'test-x', name: 'X', kind: 'country', iso3: null, code: 'QXX' })
            .execute();
          throw new Error('bad input found late');
        }),
      ).rejects.toThrow('bad input found late');
      expect(await conn.db.selectFrom('entities').selectAll().where('id', '=', 'test-x').execute()).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});
