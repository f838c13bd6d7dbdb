import { formatFreedomRating, formatScore, STATUS_NAMES, type Status } from '@freedom-ratings/core';
import type { Erratum } from '../../api/client.js';

/** How long a text value may be in the errata log before it is shortened (the full text is in the release). */
export const TEXT_PREVIEW_CHARS = 60;

/** One side of an erratum as the log shows it. */
export interface ErratumValueText {
  /** What the cell shows: a figure, a status in words, or the start of a text. */
  shown: string;
  /** The whole value when `shown` is shortened, else null. */
  full: string | null;
}

const isStatus = (v: string): v is Status => Object.hasOwn(STATUS_NAMES, v);

/**
 * An old or new value of an erratum in words: figures as reports print them
 * ("−2", Freedom Rating "5.5"), a status by its name, an absent value as
 * "none", and a narrative text cut to its first words so the log stays a
 * table of changes rather than a copy of the texts.
 */
export function erratumValue(field: Erratum['field'], value: Erratum['old']): ErratumValueText {
  if (value === null) return { shown: 'none', full: null };
  if (typeof value === 'number')
    return { shown: field === 'freedomRating' ? formatFreedomRating(value) : formatScore(value), full: null };
  if (field === 'status' && isStatus(value)) return { shown: STATUS_NAMES[value], full: null };
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length <= TEXT_PREVIEW_CHARS) return { shown: text, full: null };
  // Cut at the last word boundary within the preview (a word ending exactly at its end is kept), unless that
  // would leave almost nothing.
  const lastSpace = text.slice(0, TEXT_PREVIEW_CHARS + 1).lastIndexOf(' ');
  const start = text.slice(0, lastSpace > TEXT_PREVIEW_CHARS / 2 ? lastSpace : TEXT_PREVIEW_CHARS);
  return { shown: `${start.replace(/[\s,.;:]+$/, '')}…`, full: value };
}

/** The day an erratum was published, "2026-12-02", from its timestamp. */
export const erratumDate = (e: Pick<Erratum, 'at'>): string => e.at.slice(0, 10);
