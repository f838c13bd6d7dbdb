import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { newPasswordProblem } from './password-policy.js';

describe('new password policy', () => {
  it('refuses short, unchanged and common passwords, and accepts a long uncommon one', () => {
    expect(newPasswordProblem('short-pw-1', 'x')).toMatch(/at least 12 characters/);
    // Twelve UTF-16 units but six characters.
    expect(newPasswordProblem('😀😀😀😀😀😀', 'x')).toMatch(/at least 12 characters/);
    expect(newPasswordProblem('the same long password', 'the same long password')).toMatch(/differ/);
    for (const common of [
      'password1234',
      'Password1234!',
      'qwertyuiop123',
      '123456789012',
      'iloveyou 2024',
      'Monkey123456',
    ]) {
      expect(newPasswordProblem(common, 'x'), common).toMatch(/most common/);
    }
    expect(newPasswordProblem('plum orchard at dawn', 'x')).toBeNull();
    expect(newPasswordProblem('analyst-password-123', 'x')).toBeNull();
  });

  it('ships a list of a few hundred, lower-case and without blanks', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(500);
    for (const p of COMMON_PASSWORDS) expect(p).toMatch(/^[^\sA-Z]+$/);
  });
});
