// Runs an import in its own process for the kill -9 test: prints "writing"
// when the first rows go into the transaction, then carries on; the test
// kills it there. Usage: node --import tsx import-child.ts TARGET FILE…
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { connect, importFiles } from '../../packages/db/src/index.ts';

const [target, ...paths] = process.argv.slice(2);
const conn = connect(target!);
let told = false;
await importFiles(
  conn,
  paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) })),
  {
    onProgress: (stage) => {
      if (stage === 'write' && !told) {
        told = true;
        process.stdout.write('writing\n');
      }
    },
  },
);
process.stdout.write('done\n');
await conn.close();
