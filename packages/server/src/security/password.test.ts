import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(JSON.parse(stored.params)).toEqual({ N: 32768, r: 8, p: 1, keylen: 64 });
    expect(Buffer.from(stored.hash, 'base64')).toHaveLength(64);
    expect(JSON.stringify(stored)).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsf', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('treats a malformed stored hash as a mismatch, not an error', async () => {
    expect(await verifyPassword('x', { hash: 'AA', salt: 'AA', params: 'not json' })).toBe(false);
    expect(await verifyPassword('x', { hash: 'AA', salt: 'AA', params: '{"N":0,"r":8,"p":1,"keylen":64}' })).toBe(
      false,
    );
  });

  it('generates long random passwords', () => {
    const p = generatePassword();
    expect(p.length).toBeGreaterThanOrEqual(24);
    expect(generatePassword()).not.toBe(p);
  });
});
