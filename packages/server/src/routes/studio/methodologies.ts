import { methodologyForNewEdition, scoreIndex, type Methodology } from '@freedom-ratings/core';
import {
  findMethodology,
  listMethodologies,
  methodologyOfEdition,
  storeMethodology,
  type DatabaseHandle,
} from '@freedom-ratings/db';
import {
  ENDPOINTS,
  errorSchema,
  indexFiguresSchema,
  methodologyListSchema,
  methodologySchema,
  methodologyValidationSchema,
  readMethodology,
  storedMethodologySchema,
} from '@freedom-ratings/contract';
import type { ServerContext } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { defineRoute, signedIn, type RouteSpec } from '../../http/route.js';

/** A file from a request body, checked; 422 with every problem at its JSON path, before anything is stored. */
function checkedFile(json: unknown): Methodology {
  const { methodology, problems } = readMethodology(json);
  if (!methodology)
    throw new ApiError(
      'invalid-methodology',
      `Not a valid methodology: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first at ${problems[0]!.path}: ${problems[0]!.message}`,
      { problems },
    );
  return methodology;
}

async function found(db: DatabaseHandle, id: string, version: number): Promise<Methodology> {
  const m = await findMethodology(db, id, version);
  if (!m) throw notFound(`No methodology ${id} version ${version}.`);
  return m;
}

/** Methodologies for editors and admins: list, read, validate, load, copy for a new edition, score with one. */
export function methodologyRoutes(ctx: ServerContext): RouteSpec[] {
  const { db } = ctx.conn;
  const editors = signedIn(['editor']);
  return [
    defineRoute({
      ...ENDPOINTS.listMethodologies,
      summary: 'Every methodology this database can score with',
      description: 'The built-in FIW files first, then the loaded ones, each with the editions scored with it.',
      tag: 'Methodologies',
      access: editors,
      responses: { 200: { description: 'By id and version.', schema: methodologyListSchema } },
      handler: async () => ({
        methodologies: (await listMethodologies(db)).map(({ methodology: m, builtIn, usedBy }) => ({
          id: m.id,
          version: m.version,
          name: m.name,
          editions: [...m.editions],
          builtIn,
          usedBy,
        })),
      }),
    }),
    defineRoute({
      ...ENDPOINTS.getMethodology,
      summary: 'One methodology, as a methodology file',
      description: 'Exactly what validate and load accept.',
      tag: 'Methodologies',
      access: editors,
      responses: {
        200: { description: 'The file.', schema: methodologySchema },
        404: { description: 'No such id and version.', schema: errorSchema },
      },
      handler: async ({ params }) => (await found(db, params.id, params.version)) as never,
    }),
    defineRoute({
      ...ENDPOINTS.validateMethodology,
      summary: 'Check a methodology file without storing it',
      description: 'Shape, then band gaps and overlaps, missing indicators, maxima, rule names and codes.',
      tag: 'Methodologies',
      access: editors,
      responses: { 200: { description: 'Valid or not, with every problem.', schema: methodologyValidationSchema } },
      handler: async ({ body }) => {
        const { problems } = readMethodology(body.methodology);
        return { valid: problems.length === 0, problems };
      },
    }),
    defineRoute({
      ...ENDPOINTS.loadMethodology,
      summary: 'Store a methodology file',
      description:
        'The same file again changes nothing. A version that a published edition uses, or a built-in one, ' +
        'never changes: a different file under its id and version is stored as the next version.',
      tag: 'Methodologies',
      access: editors,
      responses: {
        201: { description: 'Stored (or already stored).', schema: storedMethodologySchema },
        422: { description: 'Not a valid methodology; nothing stored.', schema: errorSchema },
      },
      handler: async ({ body }) => storeMethodology(ctx.conn, checkedFile(body.methodology)),
    }),
    defineRoute({
      ...ENDPOINTS.copyMethodology,
      summary: 'Make a new edition’s methodology from an earlier edition’s',
      description: 'E.g. fiw-2027 version 1 from 2026’s rules; the edition can then be opened.',
      tag: 'Methodologies',
      access: editors,
      responses: {
        201: { description: 'Stored.', schema: storedMethodologySchema },
        400: { description: 'The source edition has no methodology.', schema: errorSchema },
      },
      handler: async ({ body }) => {
        const source = await methodologyOfEdition(db, body.from);
        if (!source) throw new ApiError('unknown-edition', `Edition ${body.from} has no methodology to copy.`);
        return storeMethodology(ctx.conn, checkedFile(methodologyForNewEdition(source, body.edition, body.id)));
      },
    }),
    defineRoute({
      ...ENDPOINTS.scoreWithMethodology,
      summary: 'Score one assessment with a methodology, in its own codes',
      description: 'Any methodology: its categories, scales, bands, discretionary questions and status rule.',
      tag: 'Methodologies',
      access: editors,
      responses: {
        200: { description: 'The derived figures.', schema: indexFiguresSchema },
        404: { description: 'No such id and version.', schema: errorSchema },
        422: { description: 'The scores do not fit the methodology.', schema: errorSchema },
      },
      handler: async ({ params, body }) => {
        const m = await found(db, params.id, params.version);
        const { figures, problems } = scoreIndex(body, m);
        if (!figures)
          throw new ApiError(
            'invalid-scores',
            `The scores do not fit ${m.name}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
            { problems },
          );
        return { methodology: { id: m.id, version: m.version }, ...figures };
      },
    }),
  ];
}
