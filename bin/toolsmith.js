#!/usr/bin/env -S node --no-node-snapshot
// Node 24 runs the TypeScript sources directly (type stripping); isolated-vm needs --no-node-snapshot.
import '../src/cli/main.ts';
