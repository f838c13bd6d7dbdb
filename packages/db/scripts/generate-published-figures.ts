// Writes packages/db/seed/fh-published-figures.json.br: Freedom House's
// published scores, ratings and statuses (numbers only), read from FH's three
// spreadsheets and merged by the import's own rules. `fiw serve` loads it into
// a new database. Run after the spreadsheets or the import rules change:
//   npx tsx packages/db/scripts/generate-published-figures.ts [DATA_DIR]
// DATA_DIR holds FH's files (default: ../shared/data beside the repository).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPublishedFigures, PUBLISHED_FIGURES_INPUTS } from '../src/seed/build-published-figures.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'data'));
const out = fileURLToPath(new URL('../seed/fh-published-figures.json.br', import.meta.url));

const bytes = buildPublishedFigures(
  PUBLISHED_FIGURES_INPUTS.map((name) => ({ name, bytes: readFileSync(join(dataDir, name)) })),
);
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${bytes.byteLength.toLocaleString('en')} bytes`);
