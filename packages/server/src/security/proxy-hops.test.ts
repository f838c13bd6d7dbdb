import { describe, expect, it } from 'vitest';
import { parseProxyHops, trustProxyHops } from './proxy-hops.js';

describe('FIW_TRUST_PROXY', () => {
  it('is a number of hops; unset or empty means none', () => {
    expect(parseProxyHops(undefined)).toBe(0);
    expect(parseProxyHops('')).toBe(0);
    expect(parseProxyHops('1')).toBe(1);
    expect(parseProxyHops(' 2 ')).toBe(2);
    for (const bad of ['true', 'yes', '-1', '1.5', '11', '0x1', '127.0.0.1']) {
      expect(() => parseProxyHops(bad)).toThrow(/number of reverse proxies/);
    }
  });

  it('trusts exactly that many hops from the socket', () => {
    expect(trustProxyHops(0)).toBe(false);
    const trust = trustProxyHops(2) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });
});
