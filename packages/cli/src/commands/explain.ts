import { explain, STATUS_NAMES, type Explanation } from '@freedom-ratings/core';
import { EXIT_OK, UserError } from '../errors.js';
import { assessRecords } from '../input/assess-records.js';
import { loadScores } from '../input/load.js';

export interface ExplainOptions {
  format: 'text' | 'json';
  entity?: string;
  edition?: string;
}

/** `fiw explain`: for each assessment, the band of each aggregate and how far it is from the next rating and status. */
export async function explainCommand(path: string, options: ExplainOptions): Promise<number> {
  const input = await loadScores(path);
  const wanted = input.records.filter(
    (r) =>
      (options.entity === undefined || r.entity.toLowerCase() === options.entity.toLowerCase()) &&
      (options.edition === undefined || String(r.edition) === options.edition),
  );
  if (wanted.length === 0) throw new UserError(`${input.file}: no assessment matches the --entity/--edition given`);
  const explained = assessRecords(wanted).map(({ record, assessed }) => ({
    entity: record.entity,
    edition: record.edition,
    status: assessed.figures!.status,
    explanation: explain(assessed.figures!, assessed.methodology!),
  }));
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(explained, null, 2) + '\n');
  } else {
    const blocks = explained.map((e) => describe(e.entity, e.edition, e.explanation));
    process.stdout.write(blocks.join('\n\n') + '\n');
  }
  return EXIT_OK;
}

function describe(entity: string, edition: number, e: Explanation): string {
  const status = e.status.status ? STATUS_NAMES[e.status.status] : 'status undetermined';
  const lines = [`${entity} ${edition}: ${status}`];
  if (e.pr) lines.push(`  ${e.pr.text}`);
  if (e.cl) lines.push(`  ${e.cl.text}`);
  lines.push(`  ${e.status.text}`, `  ${e.electoralDemocracy}`);
  return lines.join('\n');
}
