import { createHash } from 'node:crypto';
import { metricDefinition, metricValue, type MetricFigures } from '@freedom-ratings/core';
import { expect, it } from 'vitest';
import { describeOnBothDialects } from './harness.js';

describeOnBothDialects('public API', (get) => {
  it('lists published editions only', async () => {
    const r = await get().app.inject({ method: 'GET', url: '/api/v1/editions' });
    expect(r.statusCode).toBe(200);
    const editions = r.json().editions;
    expect(editions.map((e: { edition: number }) => e.edition)).toEqual([2023, 2024]);
    expect(editions[0]).toMatchObject({ label: '2023', yearUnderReview: 2022, assessments: 4 });
    expect(r.headers.etag).toBeTruthy();
    expect(r.headers['cache-control']).toMatch(/^public/);
  });

  it('serves the ratings table with derived figures and the change from the previous edition', async () => {
    const r = await get().app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings' });
    expect(r.statusCode).toBe(200);
    const table = r.json();
    expect(table.rows.map((row: { entity: { id: string } }) => row.entity.id)).toEqual([
      'chile',
      'kazakhstan',
      'norway',
      'tibet',
    ]);
    const norway = table.rows.find((row: { entity: { id: string } }) => row.entity.id === 'norway');
    expect(norway.figures).toMatchObject({ pr: 40, cl: 60, total: 100, prRating: 1, clRating: 1, status: 'F' });
    const kaz = table.rows.find((row: { entity: { id: string } }) => row.entity.id === 'kazakhstan');
    // 2024 lowered A1 by one point against 2023.
    expect(kaz.change).toMatchObject({
      fromEdition: 2023,
      pr: -1,
      total: -1,
      subcategories: { A: -1 },
      indicators: {},
    });
    expect(kaz.figures.indicators).toBeNull();
    const detailed = await get().app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?include=indicators' });
    const kazDetailed = detailed.json().rows.find((row: { entity: { id: string } }) => row.entity.id === 'kazakhstan');
    expect(kazDetailed.change.indicators).toMatchObject({ A1: -1, A2: 0 });
    expect(kazDetailed.figures.indicators.A1).toBe(0);
    const tibet = table.rows.find((row: { entity: { id: string } }) => row.entity.id === 'tibet');
    expect(tibet.figures.pr).toBe(-2);
    expect(tibet.entity.kind).toBe('territory');
  });

  it('filters and sorts the ratings table by figures and by change', async () => {
    const app = get().app;
    const byTotal = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?sort=total&order=desc' });
    expect(byTotal.json().rows.map((r: { figures: { total: number } }) => r.figures.total)).toEqual([100, 75, 24, -2]);
    const byChange = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?sort=change.total' });
    expect(byChange.json().rows[0].entity.id).toBe('kazakhstan');
    const free = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?status=F' });
    expect(free.json().rows.map((r: { entity: { id: string } }) => r.entity.id)).toEqual(['chile', 'norway']);
    const territories = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?kind=territory' });
    expect(territories.json().rows).toHaveLength(1);
    const europe = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?region=Europe' });
    expect(europe.json().rows).toHaveLength(1);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings?sort=secret' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-request');
  });

  it('serves one metric of every published edition as a series that agrees with each ratings table', async () => {
    const app = get().app;
    for (const metric of ['status', 'total', 'pr', 'freedomRating', 'A', 'A1']) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/metrics/${metric}/series` });
      expect(r.statusCode, metric).toBe(200);
      expect(r.headers['cache-control']).toMatch(/^public/);
      const series = r.json();
      expect(series.metric).toBe(metric);
      expect(series.editions.map((e: { edition: number }) => e.edition)).toEqual([2023, 2024]);
      for (const e of series.editions) {
        const table = (
          await app.inject({ method: 'GET', url: `/api/v1/editions/${e.edition}/ratings?include=indicators` })
        ).json();
        const definition = metricDefinition(metric)!;
        const fromTable = Object.fromEntries(
          table.rows.map((row: { entity: { id: string }; figures: MetricFigures }) => [
            row.entity.id,
            [row.figures.status, metricValue(row.figures, definition)],
          ]),
        );
        const fromSeries = Object.fromEntries(
          e.rated.map((i: number, k: number) => [series.entities[i].id, [e.status[k], e.values[k]]]),
        );
        expect(fromSeries, `${metric} ${e.edition}`).toEqual(fromTable);
        expect(e.source).toBe(table.source);
      }
    }
    const tibet = (await app.inject({ method: 'GET', url: '/api/v1/metrics/pr/series' })).json();
    const i = tibet.entities.findIndex((x: { id: string }) => x.id === 'tibet');
    expect(tibet.entities[i]).toMatchObject({ name: 'Tibet', kind: 'territory' });
    const last = tibet.editions.at(-1);
    expect(last.values[last.rated.indexOf(i)]).toBe(-2);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/metrics/secret/series' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid-request');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const app = get().app;
    const first = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/ratings' });
    const second = await app.inject({
      method: 'GET',
      url: '/api/v1/editions/2024/ratings',
      headers: { 'if-none-match': first.headers.etag as string },
    });
    expect(second.statusCode).toBe(304);
  });

  it('searches entities by name, code and slug', async () => {
    const app = get().app;
    const all = await app.inject({ method: 'GET', url: '/api/v1/entities' });
    expect(all.json().entities.map((e: { id: string }) => e.id)).toEqual(['chile', 'kazakhstan', 'norway', 'tibet']);
    const byName = await app.inject({ method: 'GET', url: '/api/v1/entities?q=kazak' });
    expect(byName.json().entities.map((e: { id: string }) => e.id)).toEqual(['kazakhstan']);
    const byCode = await app.inject({ method: 'GET', url: '/api/v1/entities?q=NOR' });
    expect(byCode.json().entities.map((e: { id: string }) => e.id)).toContain('norway');
    expect(byName.json().entities[0]).toMatchObject({ firstEdition: 2023, lastEdition: 2024, latestRegion: 'Eurasia' });
  });

  it('gives an entity’s history and one report', async () => {
    const app = get().app;
    const h = await app.inject({ method: 'GET', url: '/api/v1/entities/KAZ/history' });
    expect(h.statusCode).toBe(200);
    expect(h.json().history.map((e: { edition: { edition: number } }) => e.edition.edition)).toEqual([2023, 2024]);
    expect(h.json().history[0].change).toBeNull();
    const r = await app.inject({ method: 'GET', url: '/api/v1/entities/kazakhstan/reports/2024' });
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report.figures.total).toBe(24);
    expect(report.explanation.pr).toMatch(/^PR 9 → rating/);
    expect(report.questions.A1).toContain('2024');
    expect(report.narratives.map((n: { section: string }) => n.section)).toEqual(['indicator', 'overview']);
  });

  it('reports the database in the health check', async () => {
    const r = await get().app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: get().conn.dialect });
  });
});

describeOnBothDialects('public country report formats', (get) => {
  it('renders text, Markdown and HTML through ?format= or Accept', async () => {
    const app = get().app;
    const text = await app.inject({ method: 'GET', url: '/api/v1/entities/kazakhstan/reports/2024?format=text' });
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.body).toContain('Kazakhstan');
    expect(text.body).toMatch(/Political Rights 9 \/ 40/);
    const md = await app.inject({
      method: 'GET',
      url: '/api/v1/entities/kazakhstan/reports/2024',
      headers: { accept: 'text/markdown' },
    });
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers.vary).toContain('Accept');
    const html = await app.inject({
      method: 'GET',
      url: '/api/v1/entities/kazakhstan/reports/2024',
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9' },
    });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toMatch(/<h1|<h2|<p/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    const json = await app.inject({
      method: 'GET',
      url: '/api/v1/entities/kazakhstan/reports/2024',
      headers: { accept: '*/*' },
    });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(new Set([text.headers.etag, md.headers.etag, html.headers.etag, json.headers.etag]).size).toBe(4);
  });
});

describeOnBothDialects('public exports', (get) => {
  it('serves CSV in FH’s layout, XLSX and JSON with their SHA-256, and the data package file by file', async () => {
    const app = get().app;
    const csv = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toMatch(/^Country\/Territory,Region,C\/T,Edition,Status,PR rating,CL rating,A1/);
    expect(csv.body).toContain('Kazakhstan');
    expect(csv.body).not.toContain('Bougainville');
    const sha = createHash('sha256').update(csv.rawPayload).digest('hex');
    expect(csv.headers['x-content-sha256']).toBe(sha);
    // The file's own size, whatever the transfer encoding (Content-Length counts compressed bytes when compressed).
    const brotli = await app.inject({
      method: 'HEAD',
      url: '/api/v1/editions/2024/export?format=csv',
      headers: { 'accept-encoding': 'br' },
    });
    expect(brotli.headers['x-content-length']).toBe(String(csv.rawPayload.length));
    expect(brotli.headers['x-content-sha256']).toBe(sha);
    const xlsx = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const json = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/export' });
    expect(JSON.parse(json.body)).toHaveLength(4);
    const pkg = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/datapackage/datapackage.json' });
    expect(pkg.statusCode).toBe(200);
    const resources = pkg.json().resources as { path: string }[];
    expect(resources.length).toBeGreaterThan(0);
    const first = await app.inject({ method: 'GET', url: `/api/v1/editions/2024/datapackage/${resources[0]!.path}` });
    expect(first.statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/editions/2024/datapackage/secret.csv' });
    expect(missing.statusCode).toBe(404);
  });
});
