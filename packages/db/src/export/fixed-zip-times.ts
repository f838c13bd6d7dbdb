import { ZipReader } from '@freedom-ratings/sheets';

/**
 * The time every entry of an exported archive carries: 1980-01-01 00:00, the
 * earliest a ZIP can state. A ZIP writer stamps each entry with the clock (in
 * local time, to two seconds), so the same data would give other bytes, another
 * SHA-256 and another ETag after every restart; a fixed time makes an export
 * a function of its data alone, and a release checksum mean something.
 */
export const ARCHIVE_TIME = new Date(Date.UTC(1980, 0, 1));

// MS-DOS date: (year − 1980) << 9 | month << 5 | day; time: 0 is midnight.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/** The archive with every entry's modification time set to `ARCHIVE_TIME`, in its local header and the directory. */
export function withFixedZipTimes(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  for (const e of new ZipReader(out, name).entries.values()) {
    out.writeUInt16LE(DOS_TIME, e.localHeaderOffset + 10);
    out.writeUInt16LE(DOS_DATE, e.localHeaderOffset + 12);
    out.writeUInt16LE(DOS_TIME, e.centralHeaderOffset + 12);
    out.writeUInt16LE(DOS_DATE, e.centralHeaderOffset + 14);
  }
  return out;
}
