import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, loadPublishedFigures, type Connection } from '@freedom-ratings/db';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../packages/server/src/build-server.js';
import { describeDialects } from '../db/dialect-harness.js';

interface HistoryEntry {
  edition: { edition: number };
  figures: { ratings: { pr: number; cl: number } | null; totals: { total: number } | null };
  change: { fromEdition: number; total: number | null } | null;
  ratedAs?: { id: string };
}

/** FH's published figures, as a new server loads them: Serbia's series runs through its predecessors. */
describeDialects('history and change across FH’s successions', (h) => {
  let conn: Connection;
  let app: FastifyInstance;
  beforeAll(async () => {
    conn = connect(await h.fresh());
    await loadPublishedFigures(conn);
    app = await buildServer({ conn });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await conn?.close();
  });
  const get = async (url: string) => {
    const r = await app.inject({ url });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('reaches back from Serbia through Serbia and Montenegro to Yugoslavia, with the change at each step', async () => {
    const serbia = await get('/api/v1/entities/serbia/history');
    const entries = serbia.history as HistoryEntry[];
    expect(entries[0]).toMatchObject({ edition: { edition: 1973 }, ratedAs: { id: 'yugoslavia' } });
    const at = (edition: number) => entries.find((e) => e.edition.edition === edition)!;
    expect(at(2003).ratedAs?.id).toBe('yugoslavia');
    expect(at(2004).ratedAs?.id).toBe('serbia-and-montenegro');
    expect(at(2004).change).toMatchObject({ fromEdition: 2003 });
    expect(at(2006).ratedAs?.id).toBe('serbia-and-montenegro');
    // FH gave Serbia in FIW 2007 the scores Serbia and Montenegro had in FIW 2006: no change.
    expect(at(2007).ratedAs).toBeUndefined();
    expect(at(2007).change).toMatchObject({ fromEdition: 2006, total: 0 });
    expect(
      serbia.successions.map((s: { from: { id: string }; to: { id: string }; continues: boolean }) => [
        s.from.id,
        s.to.id,
        s.continues,
      ]),
    ).toEqual([
      ['yugoslavia', 'serbia-and-montenegro', true],
      ['serbia-and-montenegro', 'montenegro', false],
      ['serbia-and-montenegro', 'serbia', true],
    ]);
  });

  it('starts Montenegro and South Sudan on their own, and keeps Sudan one series', async () => {
    const montenegro = (await get('/api/v1/entities/montenegro/history')).history as HistoryEntry[];
    expect(montenegro[0]).toMatchObject({ edition: { edition: 2007 }, change: null });
    expect(montenegro.some((e) => e.ratedAs)).toBe(false);
    const southSudan = (await get('/api/v1/entities/south-sudan/history')).history as HistoryEntry[];
    expect(southSudan[0]).toMatchObject({ edition: { edition: 2012 }, change: null });
    const sudan = (await get('/api/v1/entities/sudan/history')).history as HistoryEntry[];
    expect(sudan.find((e) => e.edition.edition === 2012)!.change).toMatchObject({ fromEdition: 2011 });
  });

  it('measures the ratings table’s change for FIW 2007 from the predecessor', async () => {
    const table = await get('/api/v1/editions/2007/ratings');
    const row = (id: string) => table.rows.find((r: { entity: { id: string } }) => r.entity.id === id);
    expect(row('serbia').change).toMatchObject({ fromEdition: 2006, total: 0 });
    expect(row('montenegro').change).toBeNull();
    const report = await get('/api/v1/entities/serbia/reports/2007');
    expect(report.change).toMatchObject({ fromEdition: 2006, total: 0 });
  });
});
