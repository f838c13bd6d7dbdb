import type { FhRecord } from '@freedom-ratings/core';
import type { NarrativeSection } from '@freedom-ratings/core';
import type { NarrativeRecord } from './import-source.js';

/** Our JSON's `narrative` keys (see export/json-export.ts) back to stored sections. */
const SECTIONS: Record<string, NarrativeSection> = {
  overview: 'overview',
  keyDevelopments: 'key-developments',
  notes: 'notes',
  statusChange: 'status-change',
  ratingsChange: 'ratings-change',
  trendArrow: 'trend-arrow',
  subcategories: 'subcategory',
  indicators: 'indicator',
  discretionary: 'discretionary',
};

export type NarrativeProblem = { record: FhRecord; message: string };

/**
 * The texts of our JSON. The records come from the CLI's reader in file
 * order; `objects` are the same objects parsed again here, so each text is
 * located by its assessment's line.
 */
export function narrativesOfJson(
  objects: readonly unknown[],
  records: readonly FhRecord[],
): { narratives: NarrativeRecord[]; problems: NarrativeProblem[] } {
  const narratives: NarrativeRecord[] = [];
  const problems: NarrativeProblem[] = [];
  objects.forEach((o, i) => {
    const record = records[i];
    const narrative = (o as { narrative?: unknown } | null)?.narrative;
    if (!record || narrative === undefined || narrative === null) return;
    if (typeof narrative !== 'object' || Array.isArray(narrative)) {
      problems.push({ record, message: '"narrative" must be an object' });
      return;
    }
    for (const [key, value] of Object.entries(narrative as Record<string, unknown>)) {
      const section = SECTIONS[key];
      if (!section) {
        problems.push({ record, message: `"narrative": unknown section "${key}"` });
        continue;
      }
      const add = (code: string, body: unknown) => {
        if (typeof body !== 'string') {
          problems.push({ record, message: `"narrative.${key}${code ? `.${code}` : ''}" must be a string` });
        } else if (body.trim() !== '') {
          narratives.push({
            location: record.location,
            entity: record.entity,
            edition: record.edition,
            section,
            code,
            body: body.trim(),
          });
        }
      };
      if (typeof value === 'string') add('', value);
      else if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, body] of Object.entries(value)) add(code, body);
      } else problems.push({ record, message: `"narrative.${key}" must be a string or an object of texts by code` });
    }
  });
  return { narratives, problems };
}
