import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { notFound } from '../errors/api-error.js';
import { PUBLIC_CACHE_CONTROL } from '../http/cached-json.js';
import { Representation } from '../http/representation.js';
import type { PageTransport, WebBuild } from './web-build.js';

/**
 * Scripts only from this origin, data only from its API; inline styles for
 * the positions and colours the map sets per element.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

const HTML = 'text/html; charset=utf-8';

/** A page the renderer answered with an error status: sent as it is, never cached. */
class UncachedPage extends Error {
  constructor(readonly page: { status: number; html: string }) {
    super('uncached page');
  }
}

/**
 * Serves the web app next to the API: its hashed files under /assets/
 * (immutable, precompressed), and every other GET outside /api/ rendered on
 * the server from the API's own answers — so pages read without JavaScript,
 * deep links work, and an unknown page is an HTML 404 while an unknown API
 * path keeps its JSON 404.
 */
export async function registerWebRoutes(app: FastifyInstance, ctx: ServerContext, web: WebBuild): Promise<void> {
  await app.register(fastifyStatic, {
    root: web.assets,
    prefix: '/assets/',
    wildcard: true,
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
  });

  const transport: PageTransport = {
    async get(path) {
      const res = await app.inject({ method: 'GET', url: path, headers: { accept: 'application/json' } });
      let body: unknown = null;
      try {
        body = res.json();
      } catch {
        // A non-JSON answer is an error the page reports by its status.
      }
      return { status: res.statusCode, body };
    },
  };

  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api') throw notFound(`No route GET ${path}.`);
    const url = new URL(request.url, `${request.protocol}://${request.host}`);
    reply.header('content-security-policy', PAGE_CSP);
    try {
      const representation = await ctx.cache.get(`page:${url.host}${request.url}`, async () => {
        const page = await web.renderer.renderPage(url, transport, web.client);
        if (page.status !== 200) throw new UncachedPage(page);
        return Representation.of(page.html, HTML);
      });
      representation.send(request, reply, PUBLIC_CACHE_CONTROL);
    } catch (e) {
      if (!(e instanceof UncachedPage)) throw e;
      reply.code(e.page.status).header('cache-control', 'no-store').type(HTML);
      return reply.send(e.page.html);
    }
    return reply;
  });
}
