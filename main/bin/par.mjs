#!/usr/bin/env node
// `npx par …`: runs the TypeScript command line (main/cli/index.ts) through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr });
