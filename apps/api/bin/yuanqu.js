#!/usr/bin/env node
// The `yuanqu` command: runs the bundled server CLI (build it with `npm run build`).
import '../dist/cli.js';
