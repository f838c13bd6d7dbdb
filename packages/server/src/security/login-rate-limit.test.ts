import { describe, expect, it } from 'vitest';
import { LoginRateLimit } from './login-rate-limit.js';

describe('login rate limit', () => {
  it('blocks an address after too many failures until the window passes', () => {
    let now = 0;
    const limit = new LoginRateLimit(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limit.retryAfter('1.2.3.4', `user${i}@x`)).toBe(0);
      limit.recordFailure('1.2.3.4', `user${i}@x`);
    }
    expect(limit.retryAfter('1.2.3.4', 'someone@x')).toBe(60);
    expect(limit.retryAfter('5.6.7.8', 'someone@x')).toBe(0);
    now = 60_001;
    expect(limit.retryAfter('1.2.3.4', 'someone@x')).toBe(0);
  });

  it('blocks an account guessed from many addresses; success clears the account', () => {
    const limit = new LoginRateLimit(2, 60_000, () => 0);
    limit.recordFailure('a', 'Ana@x');
    limit.recordFailure('b', 'ana@x');
    expect(limit.retryAfter('c', 'ana@x')).toBeGreaterThan(0);
    limit.recordSuccess('ana@x');
    expect(limit.retryAfter('c', 'ana@x')).toBe(0);
  });
});
