// Bundles the server into dist/cli.js, and each worker thread's module beside it (lib/row-worker.ts
// finds them there): our code and @yuanqu/contracts inlined, npm packages left external.
import fs from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: start from an empty dist so old chunks do not pile up.
fs.rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts', 'import-worker': 'src/modules/enterprise/import-worker.ts' },
  outdir: 'dist',
  // Shared code goes to chunks beside cli.js (app.ts and row-worker.ts find files relative to
  // the module), so a command loads only the modules it uses (see src/cli.ts).
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  packages: 'external',
  alias: { '@yuanqu/contracts': '../../packages/contracts/src/index.ts' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
