import { assessIndex, csvLine, formatLocation, type FhRecord, type Methodology } from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';

/**
 * `fiw score FILE --methodology M.json` for an index that is not FIW's PR and
 * CL: every record scored by the general engine (`assessIndex`) in the file's
 * own codes, printed as one row (CSV) or object (JSON) per assessment with
 * each category's score and rating, the total, the mean rating and the status.
 */
export function scoreIndexRecords(records: readonly FhRecord[], m: Methodology, format: 'csv' | 'json'): number {
  const errors: string[] = [];
  const rows = records.map((record) => {
    const { figures, problems } = assessIndex(record.input, m);
    for (const p of problems)
      errors.push(`${formatLocation(record.location)}: ${record.entity} ${record.edition}: ${p.path}: ${p.message}`);
    return { record, figures };
  });
  if (errors.length) throw new UserError(errors.slice(0, 50).join('\n'));
  const out: string[] = [];
  if (format === 'json') {
    const json = rows.map(({ record, figures: f }) => ({
      entity: record.entity,
      edition: record.edition,
      categories: m.categories.map((c, i) => ({
        code: c.code,
        score: f!.categories[i]!.score,
        max: c.max,
        rating: f!.categories[i]!.rating,
      })),
      total: f!.total,
      freedomRating: f!.freedomRating,
      status: f!.status,
      electoralDemocracy: f!.electoralDemocracy,
    }));
    out.push(JSON.stringify(json, null, 2));
  } else {
    const codes = m.categories.map((c) => c.code);
    out.push(
      csvLine(['Entity', 'Edition', ...codes.flatMap((c) => [c, `${c} rating`]), 'Total', 'Mean rating', 'Status']),
    );
    for (const { record, figures: f } of rows)
      out.push(
        csvLine([
          record.entity,
          record.edition,
          ...f!.categories.flatMap((c) => [c.score, c.rating]),
          f!.total,
          f!.freedomRating,
          f!.status,
        ]),
      );
  }
  process.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
