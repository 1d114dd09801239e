#!/usr/bin/env node
// Bundles the built CLI into one file, dist/cqc-score.js, with the libraries
// every run needs: Node then starts the tool from one file instead of
// resolving and loading dozens of modules. The libraries only some runs need
// (the YAML parser, loaded once a file is read; Ajv's compiler for edited
// schemas) are still loaded from node_modules on demand.
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS libraries inside an ES module bundle need a real `require` for Node's built-ins.
  banner: {
    js: "import { createRequire as __cqcCreateRequire } from 'node:module'; const require = __cqcCreateRequire(import.meta.url);",
  },
};

await build({ ...shared, entryPoints: ['dist/cli/main.js'], outfile: 'dist/cqc-score.js' });
