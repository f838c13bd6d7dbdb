// Bundles the fiw command into one ES module with a chunk per lazily loaded
// command. Start-up time is most of what a short `fiw check` costs, and
// resolving and parsing dozens of small modules is most of start-up.
import { build } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';

const outdir = 'packages/cli/bundle';
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { fiw: 'packages/cli/src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Native modules and large libraries stay ordinary imports, loaded only by
  // the commands that need them; the argument parser is bundled, since every
  // command needs it and loading it as a separate CommonJS package costs more
  // than the code itself.
  plugins: [
    {
      name: 'externalise-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path === 'commander' || args.path.startsWith('@freedom-ratings/')) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
  alias: {
    '@freedom-ratings/core': './packages/core/src/index.ts',
    '@freedom-ratings/contract': './packages/contract/src/index.ts',
    '@freedom-ratings/sheets': './packages/sheets/src/index.ts',
    '@freedom-ratings/db': './packages/db/src/index.ts',
    '@freedom-ratings/server': './packages/server/src/index.ts',
  },
  // The bundled CommonJS parser requires Node built-ins; ESM has no `require` of its own.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod(`${outdir}/fiw.js`, 0o755);
