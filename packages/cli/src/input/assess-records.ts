import { assess, formatLocation, type Assessed, type FhRecord, type Methodology } from '@freedom-ratings/core';
import { UserError } from '../errors.js';
import { Progress } from '../progress.js';

export interface AssessedRecord {
  record: FhRecord;
  assessed: Assessed;
}

/**
 * Scores every record, with its edition's built-in methodology or the one given. Problems that make a record unscorable are input errors
 * (all of them listed, then exit 2); methodology warnings travel with the
 * result for the command to report.
 */
export function assessRecords(records: readonly FhRecord[], methodology?: Methodology): AssessedRecord[] {
  const progress = new Progress('scoring', records.length);
  const results: AssessedRecord[] = [];
  const errors: string[] = [];
  records.forEach((record, i) => {
    const assessed = methodology ? assess(record.input, methodology) : assess(record.input);
    for (const p of assessed.problems) {
      if (p.severity === 'error') errors.push(`${formatLocation(record.location)}: ${p.path}: ${p.message}`);
    }
    results.push({ record, assessed });
    if ((i & 1023) === 0) progress.update(i);
  });
  progress.done();
  if (errors.length) throw new UserError(errors.slice(0, 50).join('\n'));
  return results;
}
