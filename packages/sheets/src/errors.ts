/** A file that cannot be read as the format it claims to be; the message names the file and where it broke. */
export class FileFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'FileFormatError';
  }
}
