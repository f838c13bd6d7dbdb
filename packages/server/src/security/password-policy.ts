import { COMMON_PASSWORDS } from './common-passwords.js';

/** Fewer characters than this are refused (the contract's schema says the same to clients). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Why `next` cannot replace `current`, or null when it can: too short
 * (counted in characters, not UTF-16 units), the same as the current or
 * one-time password, or a common password (also with digits or punctuation
 * added at the end: "password1234!" is "password").
 */
export function newPasswordProblem(next: string, current: string): string | null {
  const normalised = next.normalize('NFC');
  if ([...normalised].length < MIN_PASSWORD_LENGTH) {
    return `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (normalised === current.normalize('NFC')) return 'The new password must differ from the current one.';
  const lower = normalised.toLowerCase();
  const stem = lower.replace(/[\d\s\p{P}\p{S}]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || (stem !== '' && COMMON_PASSWORDS.has(stem))) {
    return 'The new password is one of the most common passwords; choose one that is not.';
  }
  return null;
}
