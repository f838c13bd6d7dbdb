import type { Rating, Status } from '../types.js';
import { STATUS_RANK } from '../types.js';
import { statusName } from './format.js';
import type { ReportRatingChange, ReportStatusChange } from './model.js';

/*
 * Ratings and status changes as sentences: our own wording when a report has
 * no note of its own, and the figures read back from a note's wording
 * ("…civil liberties rating declined from 6 to 7 due to…").
 */

const direction = (from: number, to: number) => (to < from ? 'improved' : 'declined');

export function ratingsChangeSentence(pr: ReportRatingChange | null, cl: ReportRatingChange | null): string | null {
  const parts: string[] = [];
  if (pr) parts.push(`The political rights rating ${direction(pr.from, pr.to)} from ${pr.from} to ${pr.to}.`);
  if (cl) parts.push(`The civil liberties rating ${direction(cl.from, cl.to)} from ${cl.from} to ${cl.to}.`);
  return parts.length ? parts.join(' ') : null;
}

export function statusChangeSentence(step: ReportStatusChange): string {
  const dir = STATUS_RANK[step.to] < STATUS_RANK[step.from] ? 'improved' : 'declined';
  return `The status ${dir} from ${statusName(step.from)} to ${statusName(step.to)}.`;
}

// Notes sometimes say "score" for the 1–7 rating ("civil liberties score declined from 4 to 5").
const RATING_CHANGE =
  /\b(political rights|civil liberties) (?:ratings?|score) (?:\w+ )?(?:from )?([1-7]) to ([1-7])\b/gi;

/** Ratings steps a note states, e.g. "political rights rating declined from 6 to 7". */
export function ratingsChangeIn(text: string): { pr: ReportRatingChange | null; cl: ReportRatingChange | null } {
  const found: { pr: ReportRatingChange | null; cl: ReportRatingChange | null } = { pr: null, cl: null };
  for (const m of text.matchAll(RATING_CHANGE)) {
    const step = { from: Number(m[2]) as Rating, to: Number(m[3]) as Rating };
    if (step.from === step.to) continue;
    if (m[1]!.toLowerCase().startsWith('political')) found.pr ??= step;
    else found.cl ??= step;
  }
  return found;
}

const STATUS_WORDS = 'free|partly free|not free';
const STATUS_CHANGE = new RegExp(`\\bstatus (?:\\w+ )?from (${STATUS_WORDS}) to (${STATUS_WORDS})\\b`, 'i');

/** The status step a note states, e.g. "status declined from Free to Partly Free". */
export function statusChangeIn(text: string): ReportStatusChange | null {
  const m = STATUS_CHANGE.exec(text);
  if (!m) return null;
  const from = statusFromWords(m[1]!);
  const to = statusFromWords(m[2]!);
  return from && to && from !== to ? { from, to } : null;
}

/** "Not Free", "NOT FREE", "Partly Free", "Partially Free", "Free" → status code. */
export function statusFromWords(text: string): Status | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'free') return 'F';
  if (t === 'partly free' || t === 'partially free') return 'PF';
  if (t === 'not free') return 'NF';
  return null;
}
