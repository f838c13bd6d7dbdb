import { inflateRawSync } from 'node:zlib';
import { FileFormatError, wholeFile } from './errors.js';

/**
 * Just enough of the ZIP format to read an XLSX or an OpenDocument
 * spreadsheet: the central directory at the end, stored and deflated entries. Entries are inflated only when asked for,
 * so reading one sheet does not pay for the others.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** Where the entry's record in the central directory starts (for tools that rewrite it in place). */
  centralHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  /** `kind` names the format in messages ("damaged XLSX", "damaged ODS"). */
  constructor(
    private readonly buf: Uint8Array,
    private readonly file: string,
    private readonly kind: 'XLSX' | 'ODS' = 'XLSX',
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const eocd = this.findEndOfDirectory();
    const count = this.view.getUint16(eocd + 10, true);
    let p = this.view.getUint32(eocd + 16, true);
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || this.view.getUint32(p, true) !== CENTRAL) {
        throw new FileFormatError(
          'damaged-workbook',
          wholeFile(file, 'letters'),
          `damaged ${kind}: its ZIP directory is corrupt`,
        );
      }
      const nameLength = this.view.getUint16(p + 28, true);
      const extraLength = this.view.getUint16(p + 30, true);
      const commentLength = this.view.getUint16(p + 32, true);
      const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLength));
      this.entries.set(name, {
        name,
        method: this.view.getUint16(p + 10, true),
        compressedSize: this.view.getUint32(p + 20, true),
        size: this.view.getUint32(p + 24, true),
        localHeaderOffset: this.view.getUint32(p + 42, true),
        centralHeaderOffset: p,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  private findEndOfDirectory(): number {
    const min = Math.max(0, this.buf.length - 22 - 0xffff);
    for (let p = this.buf.length - 22; p >= min; p--) {
      if (this.view.getUint32(p, true) === EOCD) return p;
    }
    throw new FileFormatError(
      'damaged-workbook',
      wholeFile(this.file, 'letters'),
      `not a complete ${this.kind} file: the ZIP directory at its end is missing (the file is truncated or damaged)`,
    );
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Buffer {
    const e = this.entries.get(name);
    if (!e)
      throw new FileFormatError(
        'not-a-workbook',
        wholeFile(this.file, 'letters'),
        `not ${this.kind === 'ODS' ? 'an OpenDocument spreadsheet' : 'an Excel workbook'}: "${name}" is missing`,
      );
    const p = e.localHeaderOffset;
    if (p + 30 > this.buf.length || this.view.getUint32(p, true) !== LOCAL) {
      throw new FileFormatError(
        'damaged-workbook',
        wholeFile(this.file, 'letters'),
        `damaged ${this.kind}: entry "${name}" cannot be found`,
      );
    }
    const start = p + 30 + this.view.getUint16(p + 26, true) + this.view.getUint16(p + 28, true);
    const end = start + e.compressedSize;
    if (end > this.buf.length)
      throw new FileFormatError(
        'damaged-workbook',
        wholeFile(this.file, 'letters'),
        `damaged ${this.kind}: entry "${name}" is cut short`,
      );
    const data = this.buf.subarray(start, end);
    if (e.method === 0) return Buffer.from(data);
    if (e.method !== 8)
      throw new FileFormatError(
        'unsupported-compression',
        wholeFile(this.file, 'letters'),
        `unsupported compression method ${e.method} in "${name}"`,
      );
    try {
      return inflateRawSync(data);
    } catch {
      throw new FileFormatError(
        'damaged-workbook',
        wholeFile(this.file, 'letters'),
        `damaged ${this.kind}: entry "${name}" does not decompress`,
      );
    }
  }

  text(name: string): string {
    return this.read(name).toString('utf8');
  }
}
