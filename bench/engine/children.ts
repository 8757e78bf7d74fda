/** How the benchmark starts its child processes (engineProcess.ts, growthProcess.ts): node with tsx, from the repository root. */
import { join } from 'path';

export const REPO_ROOT = join(__dirname, '..', '..');

/** node's arguments that let it run a TypeScript file, before the file. */
export const TSX_ARGS = ['--import', 'tsx'];
