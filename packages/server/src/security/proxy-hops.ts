/**
 * How many reverse proxies stand between the clients and this server. Each
 * one appends the address it was connected from to X-Forwarded-For, so the
 * client is the entry that many places from the right; anything to its left
 * was written by the client and proves nothing. Trusting every entry (what a
 * plain "trust proxy: true" does) lets a client rotate the address the login
 * limit counts by sending its own X-Forwarded-For.
 */
export type ProxyHops = number;

/** The largest count accepted: a chain longer than this is a configuration mistake. */
const MAX_PROXY_HOPS = 10;

/** Reads FIW_TRUST_PROXY: unset or empty is 0 (no proxy); otherwise a whole number of hops. */
export function parseProxyHops(value: string | undefined): ProxyHops {
  const text = value?.trim() ?? '';
  if (text === '') return 0;
  if (/^\d{1,2}$/.test(text) && Number(text) <= MAX_PROXY_HOPS) return Number(text);
  throw new Error(
    `FIW_TRUST_PROXY must be the number of reverse proxies in front of the server (0–${MAX_PROXY_HOPS}), not "${value}"`,
  );
}

/**
 * Fastify's trust function for `hops` proxies: the socket's peer and the
 * next `hops - 1` addresses to the left are proxies, the one after them is the
 * client. (Fastify's own numeric setting trusts no hop at all.)
 */
export function trustProxyHops(hops: ProxyHops): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}
