import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie's name. Its value is a random token; the database keeps only its hash. */
export const SESSION_COOKIE = 'fiw_session';

/**
 * HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send
 * it with their POSTs, Secure whenever the request came over TLS (directly or,
 * with FIW_TRUST_PROXY set, through a proxy that says so in X-Forwarded-Proto).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value && value.length > 0 ? value : undefined;
}
