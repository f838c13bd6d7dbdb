import { formatInputError, type FileLocation, type FileProblemCode, type InputError } from '@freedom-ratings/core';

/**
 * A file that cannot be read as the format it claims to be. The place it
 * broke is kept as data (file, sheet, line or row, column), not only inside
 * the message, so a caller can pass the problem on as it is instead of
 * filing it again somewhere else.
 */
export class FileFormatError extends Error {
  readonly problem: InputError;

  constructor(code: FileProblemCode, location: FileLocation, message: string) {
    const problem: InputError = { location, message, code };
    super(formatInputError(problem));
    this.name = 'FileFormatError';
    this.problem = problem;
  }

  get code(): FileProblemCode {
    return this.problem.code!;
  }

  get location(): FileLocation {
    return this.problem.location;
  }
}

/** The location of a problem with a whole file (no sheet, row or column). */
export function wholeFile(file: string, columns: FileLocation['columns'] = 'numbers'): FileLocation {
  return { file, sheet: null, columns };
}
