import { isNarrativeLines, readNarrativeLines, type NarrativeLinesRead } from './narrative-lines.js';
import { readOurJson, type OurJsonRead } from './our-json.js';

/** A JSON file read as whichever of the two JSON formats it is. */
export type JsonInput = ({ kind: 'narratives' } & NarrativeLinesRead) | ({ kind: 'assessments' } & OurJsonRead);

/**
 * Tells FH's narrative JSON Lines file (its lines have `sub_item` and
 * `detail`) from our JSON of assessments, and reads it.
 */
export function readJsonInput(text: string, file: string): JsonInput {
  const body = text.replace(/^\uFEFF/, '');
  if (isNarrativeLines(body)) return { kind: 'narratives', ...readNarrativeLines(body, file) };
  return { kind: 'assessments', ...readOurJson(body, file) };
}
