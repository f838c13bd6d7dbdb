/** Exit codes shared by every command: ok, findings, unusable input or usage. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

/**
 * An error the user can fix: bad input or bad usage. Its message is printed
 * as is (it already names the file, row and column), without a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = EXIT_INPUT,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
