import { isOds } from './ods.js';
import { isZip } from './zip.js';

export type DetectedFormat = 'xlsx' | 'ods' | 'json' | 'csv' | 'empty' | 'binary';

/**
 * What a file is, from its bytes rather than its name: people rename files,
 * and stdin has no name. Text that is not valid UTF-8 or holds NUL bytes is
 * "binary" (a PDF, an image, an old .xls) and is refused with that word.
 */
export function detectFormat(buf: Uint8Array): DetectedFormat {
  if (buf.length === 0) return 'empty';
  if (isZip(buf)) return isOds(buf) ? 'ods' : 'xlsx';
  const sample = buf.subarray(0, Math.min(buf.length, 64 * 1024));
  if (sample.includes(0)) return 'binary';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < buf.length ? trimPartialUtf8(sample) : sample,
    );
  } catch {
    return 'binary';
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') return 'empty';
  if (trimmed[0] === '[' || trimmed[0] === '{') return 'json';
  return 'csv';
}

/** Drops a multi-byte character cut in half by the sample boundary. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  let k = 0;
  while (end > 0 && k < 4 && (b[end - 1]! & 0xc0) === 0x80) {
    end--;
    k++;
  }
  if (end > 0 && b[end - 1]! >= 0xc0) end--;
  return b.subarray(0, end);
}
