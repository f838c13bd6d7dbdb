import type { TrendArrow } from '../types.js';
import type { IndicatorNarrative } from './model.js';

/**
 * Splits text whose paragraphs were run together by the scrape
 * ("…viewpoints.In June 2023…") at a sentence end followed directly by a
 * capital. A real sentence end in running text is followed by a space.
 */
export function splitRunTogether(text: string): string[] {
  return text
    .split(/(?<=[a-z0-9)\]%][.!?]["”’]?)(?=[A-Z“‘])/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Paragraphs and "Score Change:" notes, which the scrape glues onto the paragraph before. */
export function indicatorText(detail: string, question: string | null): IndicatorNarrative {
  // One country's notes are labelled "Status Change" where "Score Change" is meant.
  const [text, ...changes] = stripQuestionLeftover(detail).split(/(?:Score|Status) Change:/i);
  return {
    question,
    paragraphs: splitRunTogether(text ?? '').filter((p) => !isHeadingLeftover(p)),
    scoreChanges: changes.map((c) => c.trim()).filter((c) => c !== ''),
  };
}

/**
 * Scraped texts carry a few headings of the page they came from, such as a
 * subcategory heading with its score ("G. PERSONAL AUTONOMY …: 10/ 16").
 * They are not narrative, and a figure in them is not the scores file's.
 */
function isHeadingLeftover(p: string): boolean {
  return /^(?:[A-G]\.\s+)?[A-Z][A-Za-z ,]{3,80}:\s*[+\-\u2212]?\d+\s*\/\s*\d+(?:\s*\([^)]*\))?[\s.]*$/.test(p);
}

/** A few rows start with the tail of the question and its score ("…indoctrination? 3 / 4Academic…"). */
function stripQuestionLeftover(detail: string): string {
  return detail.replace(/^[^.!?]{0,300}\?\s*\d\s*\/\s*4(?=\S)/, '');
}

const ADD_Q_HEADING = /\s*(?:Add Q\s+)?ADDITIONAL DISCRETIONARY POLITICAL RIGHTS QUESTION\s*/;

/**
 * In the 2018–2020 editions the Add Q question and its text sit at the end
 * of C3's text, after a heading; this separates the two. The Add Q score
 * printed there ("−3 / 0") is dropped: scores come from the scores file.
 */
export function splitAddQ(detail: string): { c3: string; addQ: { question: string | null; text: string } | null } {
  const m = ADD_Q_HEADING.exec(detail);
  if (!m) return { c3: detail, addQ: null };
  const after = detail.slice(m.index + m[0].length).replace(/^ADD Q:?\s*/i, '');
  const q = /^(.*?\?)\s*(?:[+\-\u2212\u2013]?\s*\d\s*\/\s*0)?\s*/.exec(after);
  return {
    c3: detail.slice(0, m.index).trim(),
    addQ: q ? { question: q[1]!.trim(), text: after.slice(q[0].length) } : { question: null, text: after },
  };
}

/** "X received a downward trend arrow…" → down. */
export function arrowInStatement(text: string): TrendArrow | null {
  const m = /\b(upward|downward) trend arrow\b/i.exec(text);
  return m ? (m[1]!.toLowerCase() === 'upward' ? 'up' : 'down') : null;
}

/** A "Note:" the scrape glued into another section ("…the year.Note: The numerical ratings…"). */
export function splitNote(text: string): { text: string; note: string | null } {
  const m = /(?:^|(?<=[.!?"”’)]))\s*Notes?:\s*/.exec(text);
  if (!m) return { text, note: null };
  return { text: text.slice(0, m.index).trim(), note: text.slice(m.index + m[0].length).trim() || null };
}
