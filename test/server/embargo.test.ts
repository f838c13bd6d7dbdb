import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { DRAFT_ONLY_ENTITY, EMBARGO_MARKER, OPEN_EDITION } from './fixture.js';
import { describeOnBothDialects, type ServerUnderTest, type Session } from './harness.js';

/**
 * The embargo, proved over every public route × every caller (anonymous and
 * each role, signed in) × every workflow state of unpublished work (draft,
 * submitted, returned, approved before publishing; withheld after). Nothing
 * unpublished may show: no draft text (all of it carries EMBARGO_MARKER), no
 * entity that exists only in drafts, no open edition; and asking for an
 * unpublished thing must look exactly like asking for one that does not exist.
 */

const NO_SUCH_EDITION = 1999;
const NO_SUCH_ENTITY = 'atlantis';

/** Concrete URLs for each public GET path of the OpenAPI document, published, unpublished and missing alike. */
function urlsFor(path: string, editions: number[], entities: string[], packageFiles: string[]): string[] {
  const urls: string[] = [];
  const each = (template: string, fill: (t: string) => string[]) => urls.push(...fill(template));
  switch (path) {
    case '/api/v1/health':
    case '/api/v1/editions':
      return [path];
    case '/api/v1/entities':
      return [
        path,
        `${path}?q=${DRAFT_ONLY_ENTITY.name.slice(0, 5)}`,
        `${path}?q=${DRAFT_ONLY_ENTITY.code}`,
        `${path}?q=${DRAFT_ONLY_ENTITY.id}`,
        `${path}?kind=territory`,
      ];
    case '/api/v1/editions/{edition}/ratings':
      each(path, (t) =>
        editions.flatMap((e) =>
          ['', '?sort=total&order=desc', '?kind=territory', '?region=Asia', '?status=NF', '?sort=change.total'].map(
            (q) => t.replace('{edition}', String(e)) + q,
          ),
        ),
      );
      return urls;
    case '/api/v1/metrics/{metric}/series':
      return ['status', 'total', 'freedomRating', 'A', 'A1', 'nonsense'].map((m) => path.replace('{metric}', m));
    case '/api/v1/entities/{entity}/history':
      return entities.map((e) => path.replace('{entity}', e));
    case '/api/v1/entities/{entity}/reports/{edition}':
      return entities.flatMap((entity) =>
        editions.flatMap((e) =>
          ['', '?format=text', '?format=markdown', '?format=html'].map(
            (q) => path.replace('{entity}', entity).replace('{edition}', String(e)) + q,
          ),
        ),
      );
    case '/api/v1/editions/{edition}/export':
      return editions.flatMap((e) =>
        ['', '?format=csv', '?format=csv&layout=ratings&kind=territory', '?format=xlsx', '?release=1'].map(
          (q) => path.replace('{edition}', String(e)) + q,
        ),
      );
    case '/api/v1/editions/{edition}/releases':
    case '/api/v1/editions/{edition}/errata':
    case '/api/v1/editions/{edition}/methodology':
      return editions.map((e) => path.replace('{edition}', String(e)));
    case '/api/v1/entities/{entity}/errata':
      return entities.map((e) => path.replace('{entity}', e));
    case '/api/v1/editions/{edition}/datapackage/{file}':
      return editions.flatMap((e) =>
        packageFiles.map((f) => path.replace('{edition}', String(e)).replace('{file}', f)),
      );
    default:
      throw new Error(`the embargo matrix has no URLs for public route ${path}: add them`);
  }
}

const isText = (r: LightMyRequestResponse) => !String(r.headers['content-type'] ?? '').includes('spreadsheetml');

/** An answer with the asked-for key replaced, to compare "unpublished" with "missing". */
const shape = (r: LightMyRequestResponse, key: string) => `${r.statusCode} ${r.body.split(key).join('<key>')}`;

async function matrix(sut: ServerUnderTest, phase: 'before publishing' | 'after publishing') {
  const doc = (await sut.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const publicGets = Object.entries(doc.paths as Record<string, Record<string, { 'x-access': unknown }>>)
    .filter(([, ops]) => ops.get?.['x-access'] === 'public')
    .map(([path]) => path);
  expect(publicGets.length).toBeGreaterThanOrEqual(8);

  const pkg = await sut.app.inject({ method: 'GET', url: '/api/v1/editions/2024/datapackage/datapackage.json' });
  const packageFiles = ['datapackage.json', ...(pkg.json().resources as { path: string }[]).map((r) => r.path)];
  const editions = [2023, 2024, OPEN_EDITION, NO_SUCH_EDITION];
  const entities = [
    'kazakhstan',
    'KAZ',
    'norway',
    'chile',
    'tibet',
    DRAFT_ONLY_ENTITY.id,
    DRAFT_ONLY_ENTITY.code,
    NO_SUCH_ENTITY,
  ];
  const callers: [string, Session | null][] = [['anonymous', null]];
  for (const role of ['admin', 'editor', 'reviewer', 'analyst'] as const) callers.push([role, await sut.login(role)]);

  let checked = 0;
  for (const path of publicGets) {
    for (const url of urlsFor(path, editions, entities, packageFiles)) {
      const answers = new Map<string, LightMyRequestResponse>();
      for (const [name, session] of callers) {
        const r = session ? await session.request('GET', url) : await sut.app.inject({ method: 'GET', url });
        answers.set(name, r);
        const where = `${phase}: ${name} GET ${url}`;
        expect(r.statusCode, where).toBeLessThan(500);
        if (isText(r)) {
          expect(r.body, where).not.toContain(EMBARGO_MARKER);
          // An error may repeat what the caller asked for; it must say nothing the caller did not bring.
          if (!url.includes(DRAFT_ONLY_ENTITY.code) && !url.includes(DRAFT_ONLY_ENTITY.id)) {
            expect(r.body, where).not.toContain(DRAFT_ONLY_ENTITY.name);
            expect(r.body, where).not.toContain(DRAFT_ONLY_ENTITY.code);
          }
          if (phase === 'before publishing' && !url.includes(String(OPEN_EDITION))) {
            expect(r.body, where).not.toContain(String(OPEN_EDITION));
          }
        }
        if (url.includes(`/${OPEN_EDITION}`) && phase === 'before publishing') expect(r.statusCode, where).toBe(404);
        checked++;
      }
      // Being signed in changes nothing on public routes: the same bytes for every caller.
      const anonymous = answers.get('anonymous')!;
      for (const [name, r] of answers) {
        expect(`${r.statusCode} ${r.headers.etag} ${r.rawPayload.length}`, `${name} GET ${url}`).toBe(
          `${anonymous.statusCode} ${anonymous.headers.etag} ${anonymous.rawPayload.length}`,
        );
      }
    }
  }

  // Unpublished looks exactly like missing.
  const get = (url: string) => sut.app.inject({ method: 'GET', url });
  const same = async (unpublished: string, missing: string, key: [string, string]) => {
    expect(shape(await get(unpublished), key[0])).toBe(shape(await get(missing), key[1]));
  };
  if (phase === 'before publishing') {
    await same(`/api/v1/editions/${OPEN_EDITION}/ratings`, `/api/v1/editions/${NO_SUCH_EDITION}/ratings`, [
      String(OPEN_EDITION),
      String(NO_SUCH_EDITION),
    ]);
    await same(`/api/v1/editions/${OPEN_EDITION}/export`, `/api/v1/editions/${NO_SUCH_EDITION}/export`, [
      String(OPEN_EDITION),
      String(NO_SUCH_EDITION),
    ]);
    await same(
      `/api/v1/entities/kazakhstan/reports/${OPEN_EDITION}`,
      `/api/v1/entities/kazakhstan/reports/${NO_SUCH_EDITION}`,
      [String(OPEN_EDITION), String(NO_SUCH_EDITION)],
    );
  }
  await same(`/api/v1/entities/${DRAFT_ONLY_ENTITY.id}/history`, `/api/v1/entities/${NO_SUCH_ENTITY}/history`, [
    DRAFT_ONLY_ENTITY.id,
    NO_SUCH_ENTITY,
  ]);
  await same(
    `/api/v1/entities/${DRAFT_ONLY_ENTITY.id}/reports/2024`,
    `/api/v1/entities/${NO_SUCH_ENTITY}/reports/2024`,
    [DRAFT_ONLY_ENTITY.id, NO_SUCH_ENTITY],
  );
  return checked;
}

/** Studio routes: without a session every one answers the same 401, whether the thing asked for exists or not. */
async function studioWithoutSession(sut: ServerUnderTest) {
  const doc = (await sut.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const answers = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { 'x-access': unknown }>>)) {
    for (const [method, op] of Object.entries(ops)) {
      if (op['x-access'] === 'public') continue;
      for (const id of [sut.fixture.open.kazakhstan!, 999_999]) {
        const url = path.replace('{id}', String(id)).replace('{edition}', String(OPEN_EDITION));
        const r = await sut.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' ? {} : { payload: {} }),
        });
        expect(r.statusCode, `${method} ${url}`).toBe(401);
        answers.add(r.body);
      }
    }
  }
  expect(answers.size).toBe(1);
}

describeOnBothDialects('embargo', (get) => {
  it('keeps draft, submitted, returned and approved work out of every public route, for every caller', async () => {
    const checked = await matrix(get(), 'before publishing');
    expect(checked).toBeGreaterThan(500);
    await studioWithoutSession(get());
  });

  it('keeps withheld work out after the edition is published', async () => {
    const sut = get();
    const editor = await sut.login('editor');
    const reviewer = await sut.login('reviewer');
    // Approve Norway (submitted); withhold everything else that is not approved.
    const nor = sut.fixture.open.norway!;
    const etag = (await reviewer.request('GET', `/api/v1/studio/assessments/${nor}`)).headers.etag as string;
    await reviewer.request(
      'POST',
      `/api/v1/studio/assessments/${nor}/workflow`,
      { action: 'approve', reason: 'ok' },
      { 'if-match': etag },
    );
    const list = (await editor.request('GET', `/api/v1/studio/editions/${OPEN_EDITION}/assessments`)).json()
      .assessments;
    const withhold = list
      .filter((a: { state: string }) => a.state !== 'approved')
      .map((a: { entity: { id: string } }) => a.entity.id);
    expect(withhold).toEqual(expect.arrayContaining(['kazakhstan', 'chile', DRAFT_ONLY_ENTITY.id]));
    // Norway and Tibet are about to be published, and their texts with them: their marker would not be an
    // embargo breach. Strip it from those two so the matrix looks for withheld text only.
    for (const entity of ['norway', 'tibet']) {
      await sut.conn.db
        .updateTable('narratives')
        .set({ body: 'published now' })
        .where('assessment_id', '=', sut.fixture.open[entity]!)
        .execute();
    }
    const pub = await editor.request('POST', `/api/v1/studio/editions/${OPEN_EDITION}/publish`, {
      reason: 'go',
      withhold,
    });
    expect(pub.statusCode).toBe(200);
    const ratings = await sut.app.inject({ method: 'GET', url: `/api/v1/editions/${OPEN_EDITION}/ratings` });
    expect(
      ratings
        .json()
        .rows.map((r: { entity: { id: string } }) => r.entity.id)
        .sort(),
    ).toEqual(['norway', 'tibet']);
    await matrix(sut, 'after publishing');
    const withheldReport = await sut.app.inject({
      method: 'GET',
      url: `/api/v1/entities/kazakhstan/reports/${OPEN_EDITION}`,
    });
    const missingReport = await sut.app.inject({
      method: 'GET',
      url: `/api/v1/entities/kazakhstan/reports/${NO_SUCH_EDITION}`,
    });
    expect(shape(withheldReport, String(OPEN_EDITION))).toBe(shape(missingReport, String(NO_SUCH_EDITION)));
  });
});
