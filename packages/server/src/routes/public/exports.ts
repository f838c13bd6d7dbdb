import { createHash } from 'node:crypto';
import {
  exportAssessments,
  exportData,
  findPublishedEdition,
  releaseAssessments,
  releaseCanonical,
} from '@freedom-ratings/db';
import type { ServerContext } from '../../context.js';
import { notFound } from '../../errors/api-error.js';
import { PUBLIC_CACHE_CONTROL } from '../../http/cached-json.js';
import { Representation } from '../../http/representation.js';
import { PUBLIC, defineRoute, type RouteSpec } from '../../http/route.js';
import { ENDPOINTS, errorSchema } from '@freedom-ratings/contract';
import { noPublishedEdition } from '../../views/ratings-table.js';
import { editionReleases } from '../../views/edition-releases.js';

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function exportRoutes(ctx: ServerContext): RouteSpec[] {
  const { conn } = ctx;
  const requirePublished = async (edition: number) => {
    const e = await findPublishedEdition(conn.db, edition);
    if (!e) throw noPublishedEdition(edition);
    return e;
  };
  /** A download: its SHA-256 in Repr-Digest (RFC 9530) and X-Content-SHA256, its size in X-Content-Length, and for the release the release checksum. */
  const send = (
    request: Parameters<RouteSpec['handler']>[0]['request'],
    reply: Parameters<RouteSpec['handler']>[0]['reply'],
    file: { representation: Representation; name: string; releaseChecksum: string | null },
  ) => {
    reply.header('content-disposition', `attachment; filename="${file.name}"`);
    reply.header(
      'repr-digest',
      `sha-256=:${Buffer.from(sha256Hex(file.representation.body), 'hex').toString('base64')}:`,
    );
    reply.header('x-content-sha256', sha256Hex(file.representation.body));
    // Content-Length counts the compressed bytes when the answer is compressed; this is the file's own size.
    reply.header('x-content-length', String(file.representation.body.length));
    if (file.releaseChecksum) reply.header('x-release-checksum', file.releaseChecksum);
    file.representation.send(request, reply, PUBLIC_CACHE_CONTROL);
    return undefined;
  };
  return [
    defineRoute({
      ...ENDPOINTS.exportEdition,
      summary: 'Download an edition’s published data',
      description:
        'JSON (our layout: the edition’s frozen release, whose SHA-256 is ' +
        '`X-Release-Checksum`), CSV in Freedom House’s own layouts, or XLSX. Every download carries its SHA-256 in ' +
        '`X-Content-SHA256` and `Repr-Digest`.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The file.', contentTypes: Object.values(CONTENT_TYPES) },
        404: { description: 'No published edition with this key.', schema: errorSchema },
      },
      handler: async ({ request, reply, params, query }) => {
        const edition = await requirePublished(params.edition);
        const releases = await editionReleases(ctx, params.edition);
        const latest = releases.length;
        const asked = query.release ?? latest;
        const superseded = asked > 0 && asked < latest;
        if (query.release !== undefined && (latest === 0 || query.release > latest)) {
          throw notFound(
            `Edition ${params.edition} has ${latest === 1 ? 'one release' : `releases 1–${latest}`}; there is no release ${query.release}.`,
          );
        }
        const key = `export:${params.edition}:${query.format}:${query.layout}:${query.kind}:${asked}`;
        const releaseChecksum =
          query.format === 'json' ? (releases[asked - 1]?.checksum ?? edition.release_checksum) : null;
        const representation = await ctx.cache.get(key, async () => {
          if (query.format === 'json') {
            // A published edition has frozen releases: serve exactly the bytes of the one asked for.
            const release = await releaseCanonical(conn.db, params.edition, asked || undefined);
            if (release) return Representation.of(release.canonical, CONTENT_TYPES.json!);
          }
          const options = { format: query.format, layout: query.layout, kind: query.kind };
          // A superseded release in CSV or XLSX: written from what it froze, read back from its JSON.
          const result = superseded
            ? await exportAssessments(
                await releaseAssessments(
                  conn.db,
                  edition,
                  (await releaseCanonical(conn.db, params.edition, asked))!.canonical,
                ),
                options,
              )
            : await exportData(conn, { edition: edition.edition, ...options });
          return Representation.of(result.files[0]!.bytes, CONTENT_TYPES[query.format]!);
        });
        const stem = `freedom-ratings-${params.edition}${superseded ? `-release-${asked}` : ''}`;
        const name =
          query.format === 'csv'
            ? `${stem}-${query.layout}${query.layout === 'ratings' ? `-${query.kind}` : ''}.csv`
            : `${stem}.${query.format}`;
        if (asked > 0) reply.header('x-release', String(asked));
        return send(request, reply, { representation, name, releaseChecksum });
      },
    }),
    defineRoute({
      ...ENDPOINTS.dataPackageFile,
      summary: 'A file of the edition’s Frictionless data package',
      description:
        'Start at `datapackage.json`; the CSVs it lists are beside it, so tools such as `frictionless` can read the ' +
        'package straight from this URL.',
      tag: 'Public',
      access: PUBLIC,
      responses: {
        200: { description: 'The file.', contentTypes: ['application/json', 'text/csv'] },
        404: { description: 'No published edition, or no such file in its package.', schema: errorSchema },
      },
      handler: async ({ request, reply, params }) => {
        const path = params['*'];
        const representation = await ctx.cache.get(`datapackage:${params.edition}:${path}`, async () => {
          const edition = await requirePublished(params.edition);
          const result = await exportData(conn, { edition: edition.edition, format: 'datapackage' });
          const file = result.files.find((f) => f.path === path);
          if (!file) throw notFound(`The data package of edition ${params.edition} has no file ${path}.`);
          return Representation.of(file.bytes, path.endsWith('.json') ? CONTENT_TYPES.json! : CONTENT_TYPES.csv!);
        });
        return send(request, reply, { representation, name: path.split('/').at(-1)!, releaseChecksum: null });
      },
    }),
  ];
}
