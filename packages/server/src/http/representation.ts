import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { preferredEncoding } from './accept-encoding.js';
import { matchesIfNoneMatch } from './conditional.js';

/**
 * One response body, ready to send many times: its ETag, and its gzip and
 * brotli forms made on first demand. Public data changes only when an edition
 * is published, so a body is serialised and compressed once, not per request.
 */
export class Representation {
  readonly etag: string;
  private gzipped: Buffer | undefined;
  private brotli: Buffer | undefined;

  /**
   * `compression`: `thorough` for a body cached and sent many times; `quick` for
   * one made per request (a filtered table), where brotli's quality 9 would
   * cost ~5 ms of CPU per 100 kB against ~0.25 ms at 4, for ~10 % more bytes.
   */
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    private readonly compression: 'thorough' | 'quick' = 'thorough',
  ) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  static of(body: string | Buffer, contentType: string, compression?: 'thorough' | 'quick'): Representation {
    return new Representation(typeof body === 'string' ? Buffer.from(body) : body, contentType, compression);
  }

  encoded(encoding: 'br' | 'gzip' | 'identity'): Buffer {
    if (encoding === 'gzip') return (this.gzipped ??= gzipSync(this.body));
    if (encoding === 'br') {
      return (this.brotli ??= brotliCompressSync(this.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: this.compression === 'quick' ? 4 : 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
        },
      }));
    }
    return this.body;
  }

  /** Sends it with ETag and Cache-Control, as 304 when the client's copy is current. */
  send(request: FastifyRequest, reply: FastifyReply, cacheControl: string, vary = 'Accept-Encoding'): FastifyReply {
    reply.header('etag', this.etag);
    reply.header('cache-control', cacheControl);
    reply.header('vary', vary);
    if (matchesIfNoneMatch(request.headers['if-none-match'], this.etag)) {
      return reply.code(304).send();
    }
    reply.header('content-type', this.contentType);
    // Small bodies are not worth a compression header's overhead.
    const encoding = this.body.length < 1024 ? 'identity' : preferredEncoding(request.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(this.encoded(encoding));
  }
}
