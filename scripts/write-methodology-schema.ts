// Writes packages/contract/methodology.schema.json from the contract's zod schema of the methodology
// file format; packages/contract/src/methodology.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { methodologyJsonSchema } from '../packages/contract/src/methodology.ts';

const path = new URL('../packages/contract/methodology.schema.json', import.meta.url);
writeFileSync(path, JSON.stringify(methodologyJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path.pathname}`);
